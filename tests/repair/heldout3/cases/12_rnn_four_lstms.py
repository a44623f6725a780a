"""Stacked LSTM classifier: a fourth LSTM appended after the one that already returns only its last state."""
import keras
from keras import layers

data_dim = 16
timesteps = 8
num_classes = 10

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, data_dim)))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LSTM(32))  # heldout: mistake
model.add(layers.LSTM(32))  # heldout: mistake
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
