"""U-Net class ported from Keras 1 merge(mode='concat', concat_axis=1) to concatenate(axis=1), channels_first,
on windows whose size halves to an odd number.

Source: https://github.com/keras-team/keras/issues/16826
"""
import keras
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, concatenate

keras.config.set_image_data_format("channels_first")


class UNet:
    def __init__(self):
        self.config = {"input_shape": (1, 36, 36), "output_shape": (1, 36, 36)}
        self.net = None

    def compile(self):
        inputs = Input(shape=self.config["input_shape"])  # heldout: mistake
        conv1 = Conv2D(8, 3, padding="same", activation="relu")(inputs)
        pool1 = MaxPooling2D(pool_size=(2, 2))(conv1)
        conv2 = Conv2D(16, 3, padding="same", activation="relu")(pool1)
        pool2 = MaxPooling2D(pool_size=(2, 2))(conv2)
        conv3 = Conv2D(32, 3, padding="same", activation="relu")(pool2)
        pool3 = MaxPooling2D(pool_size=(2, 2))(conv3)  # heldout: mistake
        conv4 = Conv2D(64, 3, padding="same", activation="relu")(pool3)
        up5 = concatenate([UpSampling2D(size=(2, 2))(conv4), conv3], axis=1)  # heldout: mistake
        conv5 = Conv2D(32, 3, padding="same", activation="relu")(up5)
        up6 = concatenate([UpSampling2D(size=(2, 2))(conv5), conv2], axis=1)
        conv6 = Conv2D(16, 3, padding="same", activation="relu")(up6)
        up7 = concatenate([UpSampling2D(size=(2, 2))(conv6), conv1], axis=1)
        conv7 = Conv2D(8, 3, padding="same", activation="relu")(up7)
        conv8 = Conv2D(1, 1, activation="sigmoid")(conv7)
        self.net = Model(inputs=inputs, outputs=conv8)
        self.net.compile(optimizer="adam", loss="binary_crossentropy")
        return self.net


model = UNet().compile()
