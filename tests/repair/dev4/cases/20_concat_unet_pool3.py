"""zhixuhao-style U-Net unet(input_size=(60, 60, 1)) changed to 3x3 pooling / 3x upsampling.

Source: https://github.com/zhixuhao/unet/issues/209
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, Dropout, concatenate


def unet(input_size=(60, 60, 1)):
    inputs = Input(input_size)
    conv1 = Conv2D(8, 3, activation="relu", padding="same")(inputs)
    conv1 = Conv2D(8, 3, activation="relu", padding="same")(conv1)
    pool1 = MaxPooling2D(pool_size=(3, 3))(conv1)
    conv2 = Conv2D(16, 3, activation="relu", padding="same")(pool1)
    conv2 = Conv2D(16, 3, activation="relu", padding="same")(conv2)
    pool2 = MaxPooling2D(pool_size=(3, 3))(conv2)  # heldout: mistake
    conv3 = Conv2D(32, 3, activation="relu", padding="same")(pool2)
    conv3 = Conv2D(32, 3, activation="relu", padding="same")(conv3)
    drop3 = Dropout(0.5)(conv3)
    pool3 = MaxPooling2D(pool_size=(3, 3))(drop3)
    conv4 = Conv2D(64, 3, activation="relu", padding="same")(pool3)
    drop4 = Dropout(0.5)(conv4)

    up5 = Conv2D(32, 2, activation="relu", padding="same")(UpSampling2D(size=(3, 3))(drop4))
    merge5 = concatenate([drop3, up5], axis=3)
    conv5 = Conv2D(32, 3, activation="relu", padding="same")(merge5)
    up6 = Conv2D(16, 2, activation="relu", padding="same")(UpSampling2D(size=(3, 3))(conv5))  # heldout: mistake
    merge6 = concatenate([conv2, up6], axis=3)  # heldout: mistake
    conv6 = Conv2D(16, 3, activation="relu", padding="same")(merge6)
    up7 = Conv2D(8, 2, activation="relu", padding="same")(UpSampling2D(size=(3, 3))(conv6))
    merge7 = concatenate([conv1, up7], axis=3)
    conv7 = Conv2D(8, 3, activation="relu", padding="same")(merge7)
    conv8 = Conv2D(1, 1, activation="sigmoid")(conv7)
    model = Model(inputs, conv8)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


model = unet()
