"""Colorizing U-Net generator on CIFAR-sized images given as (3, 32, 32), strided convs and skip merges on axis 1.

Written from 4g/unet-color#1 (colorizer.py, Colorizer._model): Input((3, 32, 32)) with strided convolutions and
merge(..., concat_axis=1) skips, written for the channels-first ordering; with the channels-last default the
first skip merge fails.
"""
import keras
from keras import layers


def conv_bn(x, filters, strides=1):
    x = layers.Conv2D(filters, (3, 3), strides=strides, padding="same")(x)
    x = layers.BatchNormalization()(x)
    return layers.LeakyReLU(negative_slope=0.2)(x)


class Colorizer:
    def __init__(self, img_shape):
        self.model = Colorizer._model(img_shape)
        self.model.compile(loss="mae", optimizer=keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5))

    @staticmethod
    def _model(img_shape, base=8):
        inputs = keras.Input(img_shape)  # heldout: mistake
        conv1 = conv_bn(conv_bn(inputs, base), base)
        conv2 = conv_bn(conv_bn(conv1, 2 * base), 2 * base, strides=2)
        conv3 = conv_bn(conv_bn(conv2, 4 * base), 4 * base, strides=2)
        conv4 = conv_bn(conv_bn(conv3, 8 * base), 8 * base, strides=2)

        up7 = layers.Concatenate(axis=1)([layers.UpSampling2D(size=(2, 2))(conv4), conv3])  # heldout: mistake
        conv7 = layers.Conv2D(4 * base, (3, 3), padding="same", activation="relu")(up7)
        up8 = layers.Concatenate(axis=1)([layers.UpSampling2D(size=(2, 2))(conv7), conv2])
        conv8 = layers.Conv2D(2 * base, (3, 3), padding="same", activation="relu")(up8)
        up9 = layers.Concatenate(axis=1)([layers.UpSampling2D(size=(2, 2))(conv8), conv1])
        conv9 = layers.Conv2D(base, (3, 3), padding="same", activation="relu")(up9)
        conv10 = layers.Conv2D(3, (1, 1), activation="tanh")(conv9)
        return keras.Model(inputs=inputs, outputs=conv10)


colorizer = Colorizer((3, 32, 32))
model = colorizer.model
