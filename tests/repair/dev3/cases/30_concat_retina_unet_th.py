"""Retina U-Net with Theano ordering, concat_axis=1, on 1x170x170 patches (two poolings of an odd-halving side).

Source: https://github.com/orobix/retina-unet/issues/25
"""
import keras
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, Dropout, concatenate, Reshape, Permute, Activation

keras.config.set_image_data_format("channels_first")


def get_unet(n_ch, patch_height, patch_width):
    inputs = Input(shape=(n_ch, patch_height, patch_width))
    conv1 = Conv2D(8, (3, 3), activation="relu", padding="same")(inputs)
    pool1 = MaxPooling2D((2, 2))(conv1)
    conv2 = Conv2D(16, (3, 3), activation="relu", padding="same")(pool1)
    pool2 = MaxPooling2D((2, 2))(conv2)
    conv3 = Conv2D(32, (3, 3), activation="relu", padding="same")(pool2)
    conv3 = Dropout(0.2)(conv3)
    up1 = concatenate([UpSampling2D(size=(2, 2))(conv3), conv2], axis=1)  # heldout: mistake
    conv4 = Conv2D(16, (3, 3), activation="relu", padding="same")(up1)
    up2 = concatenate([UpSampling2D(size=(2, 2))(conv4), conv1], axis=1)
    conv5 = Conv2D(8, (3, 3), activation="relu", padding="same")(up2)
    conv6 = Conv2D(2, (1, 1), activation="relu", padding="same")(conv5)
    conv6 = Reshape((2, patch_height * patch_width))(conv6)
    conv6 = Permute((2, 1))(conv6)
    conv7 = Activation("softmax")(conv6)
    return keras.Model(inputs, conv7)


model = get_unet(1, 34, 34)  # heldout: mistake
model.compile(optimizer="sgd", loss="categorical_crossentropy")
