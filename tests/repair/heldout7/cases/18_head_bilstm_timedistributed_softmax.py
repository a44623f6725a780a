"""Bidirectional LSTM classifier whose last LSTM still returns sequences, with a TimeDistributed softmax head,
trained on one label per sequence (keras-team/keras#11188)."""
import keras
from keras import layers

timesteps, features, n_classes = 10, 8, 6

model = keras.Sequential()
model.add(keras.Input(shape=(timesteps, features)))
model.add(layers.Bidirectional(layers.LSTM(16, return_sequences=True)))
model.add(layers.Dropout(0.2))
model.add(layers.LSTM(16, return_sequences=True))  # heldout: mistake
model.add(layers.TimeDistributed(layers.Dense(n_classes, activation="softmax")))  # heldout: mistake
model.compile(optimizer="adam", loss="categorical_crossentropy")
