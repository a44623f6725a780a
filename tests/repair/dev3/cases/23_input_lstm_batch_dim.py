"""LSTM given input_shape=(1, 6, 30): the shape of the whole expanded batch, batch axis included.

Source: https://github.com/keras-team/keras/issues/11480
"""
from keras.models import Sequential
from keras.layers import LSTM

model = Sequential()
model.add(LSTM(100, input_shape=(1, 6, 30), return_sequences=True))  # heldout: mistake
model.compile(loss="mean_absolute_error", optimizer="adam")
