"""A per-sample scalar (shape (batch,)) concatenated with a (batch, 2) tensor to get (batch, 3).

Source: https://github.com/keras-team/keras/issues/12975
The model around the concatenation (two inputs, a reduction to one value per sample) is chosen.
"""
import keras
from keras import layers, ops

signal = keras.Input(shape=(16,), name="signal")
coords = keras.Input(shape=(2,), name="coords")
score = ops.sum(layers.Dense(16, activation="relu")(signal), axis=-1)
merged = layers.Concatenate(axis=-1)([score, coords])  # heldout: mistake
out = layers.Dense(3)(merged)

model = keras.Model([signal, coords], out)
model.compile(optimizer="adam", loss="mse")
