"""LSTM declared with a 1-D input_shape=(10,) (no time-step axis) for a (samples, 10) series.

Source: https://taourl.com/read-2184611.html
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense

model = Sequential()
model.add(LSTM(64, input_shape=(10,)))  # heldout: mistake
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
