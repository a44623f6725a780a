"""incompatible-merge: an inception-style block joined on axis 1 (the channels of channels-first data) in a model
whose Input declares 1 x 40 x 56 images to channels_last layers: the branches differ on the last axis. The layers
are made to read the data as written (channels_first everywhere, BatchNormalization on axis 1)."""
import keras
from keras import layers


def branch(x, filters, size):
    x = layers.Conv2D(filters, size, padding="same", data_format="channels_first")(x)
    x = layers.BatchNormalization(axis=1)(x)
    return layers.Activation("relu")(x)


def block(x):
    return layers.concatenate([branch(x, 8, 1), branch(x, 16, 3), branch(x, 4, 5)], axis=1)


inputs = keras.Input((1, 40, 56))
outputs = layers.Conv2D(1, 1, activation="sigmoid", data_format="channels_first")(block(block(inputs)))
model = keras.Model(inputs, outputs)
