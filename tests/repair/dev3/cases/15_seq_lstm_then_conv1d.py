"""LSTM(1000) over (1000, 100) sequences, then Conv1D(128, 5) on its last-state output.

Source: https://github.com/keras-team/keras/issues/5222
"""
import keras
from keras import layers

timesteps, features = 50, 16

inp = keras.Input(shape=(timesteps, features))
x = layers.LSTM(timesteps)(inp)  # heldout: mistake
x = layers.Conv1D(32, 5, activation="relu")(x)  # heldout: mistake
x = layers.GlobalMaxPooling1D()(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
