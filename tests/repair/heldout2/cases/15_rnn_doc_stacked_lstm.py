"""The recurrent-layers doc snippet run as-is: a second LSTM added after an LSTM that returns its last state.

Source: https://github.com/keras-team/keras/issues/5447
"""
from keras.models import Sequential
from keras.layers import LSTM

model = Sequential()
model.add(LSTM(32, input_shape=(10, 64)))  # heldout: mistake
model.add(LSTM(16))  # heldout: mistake

model.compile(loss="mse", optimizer="rmsprop")
