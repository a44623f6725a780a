"""Broken: a residual helper adds a 32-channel shortcut to a 64-channel branch (no projection)."""
import keras
from keras import layers


def res_block(x, filters):
    shortcut = x
    x = layers.Conv1D(filters, 3, padding="same", activation="relu")(x)
    x = layers.Conv1D(filters, 3, padding="same")(x)
    x = layers.Add()([x, shortcut])
    return layers.ReLU()(x)


inputs = keras.Input(shape=(200, 32))
x = res_block(inputs, 32)
x = res_block(x, 64)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
