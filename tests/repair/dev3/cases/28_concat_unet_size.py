"""zhixuhao U-Net called with an input size whose fourth pooling rounds down (25 -> 12 -> 24).

Source: https://github.com/zhixuhao/unet/issues/143
"""
import keras
from keras.layers import Input, Conv2D, MaxPooling2D, Dropout, UpSampling2D, concatenate


def unet(input_size=(256, 256, 1), base=8):
    inputs = Input(input_size)
    conv1 = Conv2D(base, 3, activation="relu", padding="same")(inputs)
    pool1 = MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = Conv2D(base * 2, 3, activation="relu", padding="same")(pool1)
    pool2 = MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = Conv2D(base * 4, 3, activation="relu", padding="same")(pool2)
    pool3 = MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = Conv2D(base * 8, 3, activation="relu", padding="same")(pool3)
    drop4 = Dropout(0.5)(conv4)
    pool4 = MaxPooling2D(pool_size=(2, 2))(drop4)
    conv5 = Conv2D(base * 16, 3, activation="relu", padding="same")(pool4)
    drop5 = Dropout(0.5)(conv5)
    up6 = Conv2D(base * 8, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(drop5))
    merge6 = concatenate([drop4, up6], axis=3)  # heldout: mistake
    conv6 = Conv2D(base * 8, 3, activation="relu", padding="same")(merge6)
    up7 = Conv2D(base * 4, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(conv6))
    merge7 = concatenate([conv3, up7], axis=3)
    conv7 = Conv2D(base * 4, 3, activation="relu", padding="same")(merge7)
    up8 = Conv2D(base * 2, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(conv7))
    merge8 = concatenate([conv2, up8], axis=3)
    conv8 = Conv2D(base * 2, 3, activation="relu", padding="same")(merge8)
    up9 = Conv2D(base, 2, activation="relu", padding="same")(UpSampling2D(size=(2, 2))(conv8))
    merge9 = concatenate([conv1, up9], axis=3)
    conv9 = Conv2D(base, 3, activation="relu", padding="same")(merge9)
    conv10 = Conv2D(1, 1, activation="sigmoid")(conv9)
    return keras.Model(inputs, conv10)


model = unet(input_size=(200, 200, 1))  # heldout: mistake
model.compile(optimizer="adam", loss="binary_crossentropy")
