"""Sequence-to-sequence addition (keras-io addition_rnn style): LSTM encoder, RepeatVector, LSTM decoder, a
softmax over characters at every output position."""
import numpy as np
from keras import layers
import keras

DIGITS = 3
MAXLEN = DIGITS + 1 + DIGITS
chars = "0123456789+ "
num_layers = 1

model = keras.Sequential()
model.add(layers.Input((MAXLEN, len(chars))))
model.add(layers.LSTM(128))
model.add(layers.RepeatVector(DIGITS + 1))
for _ in range(num_layers):
    model.add(layers.LSTM(128, return_sequences=True))
model.add(layers.Dense(len(chars), activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])

x = np.zeros((50, MAXLEN, len(chars)), dtype=bool)
y = np.zeros((50, DIGITS + 1, len(chars)), dtype=bool)
y[:, :, 0] = True
model.fit(x, y, batch_size=25, epochs=1)
