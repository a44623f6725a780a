"""A character vocabulary folded from a string written in the file: `chars = sorted(set(text))` and its length
size the one-hot input and the per-step head."""
import keras
from keras import layers

text = "0123456789+-*/= "
chars = sorted(set(text))
maxlen = 12
model = keras.Sequential([keras.Input((maxlen, len(chars))), layers.LSTM(32, return_sequences=True),
                          layers.Dense(len(chars), activation="softmax")])
