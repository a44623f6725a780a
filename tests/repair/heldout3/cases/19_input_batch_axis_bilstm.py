"""Character-level amount reader: input_shape=(None, MAX_CHAR_STRING_LENGTH, len(chars)) adds the batch axis."""
import keras
from keras import layers

MAX_CHAR_STRING_LENGTH = 20
chars = "0123456789.,$ abcdefghijklmnop"

model = keras.Sequential()
model.add(layers.Bidirectional(layers.LSTM(64, return_sequences=True),
                               input_shape=(None, MAX_CHAR_STRING_LENGTH, len(chars))))  # heldout: mistake
model.add(layers.Bidirectional(layers.LSTM(32)))
model.add(layers.Dense(1))
model.compile(loss="mse", optimizer="adam")
