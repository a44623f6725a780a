"""A single-channel sensor series stored (channels, steps) = (1, 128), fed to channels_last Conv1D."""
import keras
from keras import layers


def build(length=128):
    inputs = keras.Input(shape=(1, length))
    x = layers.Conv1D(16, 5, activation="relu", data_format="channels_first")(inputs)
    x = layers.BatchNormalization(axis=1)(x)
    x = layers.GlobalAveragePooling1D(data_format="channels_first")(x)
    outputs = layers.Dense(2, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build()
