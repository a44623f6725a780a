"""Residual shortcut around a Dense block with a different width."""
import keras
from keras import layers

inp = keras.Input(shape=(40,))
h = layers.Dense(64, activation="relu")(inp)
skip = layers.Dense(32)(inp)
h = layers.Add()([h, skip])  # SD106
out = layers.Dense(1)(h)
model = keras.Model(inp, out)
