"""Sequence classifier: Bidirectional LSTM(return_sequences=True), Dense(200, tanh), Dense(kind, softmax); labels (N, 10).

Source: https://github.com/kamalkraj/Named-Entity-Recognition-with-Bidirectional-LSTM-CNNs/issues/3
"""
from keras.models import Sequential
from keras.layers import Bidirectional, LSTM, Dense

kind = 10

model = Sequential()
model.add(Bidirectional(LSTM(32, return_sequences=True), input_shape=(32, 10)))  # heldout: mistake
model.add(Dense(units=64, activation="tanh"))
model.add(Dense(kind, activation="softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="adam")
