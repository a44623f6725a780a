"""Sequence generator: Input(shape=(1,)) -> Dense(32) -> LSTM(64) to emit a padded sequence of doubles.

Source: https://askpythonquestions.com/2021/09/06/using-lstm-rnn-to-predict-a-sequence-of-numbers/
"""
import keras
from keras.models import Sequential
from keras.layers import Dense, LSTM

maxsize = 8

model = Sequential()
model.add(keras.Input(shape=(1,)))
model.add(Dense(32))  # heldout: mistake
model.add(LSTM(64))  # heldout: mistake
model.add(Dense(maxsize))
model.compile(optimizer="adam", loss="mse")
