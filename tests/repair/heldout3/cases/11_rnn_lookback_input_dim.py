"""Airline-passengers LSTM: data reshaped to (samples, look_back, 1) but the LSTM is declared on (look_back,)."""
import keras
from keras import layers

look_back = 10

model = keras.Sequential()
model.add(layers.LSTM(10, input_shape=(look_back,)))  # heldout: mistake
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
