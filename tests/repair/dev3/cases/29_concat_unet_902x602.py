"""keras_segmentation-style U-Net (valid-free encoder with three poolings) called with input 902x602.

Source: https://github.com/divamgupta/image-segmentation-keras/issues/283
"""
import keras
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, ZeroPadding2D, concatenate, Reshape, Activation

MERGE_AXIS = -1


def encoder(img_input):
    levels = []
    x = img_input
    for filters in (8, 16, 32, 64):
        x = ZeroPadding2D((1, 1))(x)
        x = Conv2D(filters, (3, 3), padding="valid", activation="relu")(x)
        levels.append(x)
        x = MaxPooling2D((2, 2))(x)
    return levels


def unet(n_classes, input_height=416, input_width=608):
    img_input = Input(shape=(input_height, input_width, 3))
    f1, f2, f3, f4 = encoder(img_input)
    o = f4
    o = Conv2D(64, (3, 3), padding="same", activation="relu")(o)
    o = UpSampling2D((2, 2))(o)
    o = concatenate([o, f3], axis=MERGE_AXIS)  # heldout: mistake
    o = Conv2D(32, (3, 3), padding="same", activation="relu")(o)
    o = UpSampling2D((2, 2))(o)
    o = concatenate([o, f2], axis=MERGE_AXIS)
    o = Conv2D(16, (3, 3), padding="same", activation="relu")(o)
    o = Conv2D(n_classes, (3, 3), padding="same")(o)
    o = Reshape((-1, n_classes))(o)
    o = Activation("softmax")(o)
    return keras.Model(img_input, o)


model = unet(n_classes=3, input_height=90, input_width=60)  # heldout: mistake
model.compile(optimizer="adam", loss="categorical_crossentropy")
