"""Broken: adding a (4, 8) tensor to a (4, 7) tensor (no broadcast possible)."""
import keras
from keras import layers

x_in = keras.Input(shape=(4, 8))
w_in = keras.Input(shape=(4, 12))
w = layers.Dense(7)(w_in)
y = x_in + w
outputs = layers.Dense(1)(layers.Flatten()(y))
model = keras.Model([x_in, w_in], outputs)
