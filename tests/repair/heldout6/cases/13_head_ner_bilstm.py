"""Bidirectional LSTM with return_sequences=True under a Dense softmax classifier, labels one per sequence
(kamalkraj/Named-Entity-Recognition-with-Bidirectional-LSTM-CNNs#3)."""
import keras
from keras import layers

kind = 10

model = keras.Sequential()
model.add(layers.Bidirectional(layers.LSTM(16, return_sequences=True), input_shape=(16, 10)))  # heldout: mistake
model.add(layers.Dense(units=24, activation="tanh"))
model.add(layers.Dense(kind, activation="softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
