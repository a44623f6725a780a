"""A single-channel sensor series stored (channels, steps) = (1, 128), fed to channels_last Conv1D."""
import keras
from keras import layers


def build(length=128):
    inputs = keras.Input(shape=(length, 1))
    x = layers.Conv1D(16, 5, activation="relu")(inputs)
    x = layers.BatchNormalization()(x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(2, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build()
