"""incompatible-merge: an LSTM that keeps its sequence joined with a vector of side features."""
import keras
from keras import layers

text = keras.Input((40, 16), name="text")
meta = keras.Input((5,), name="meta")
encoded = layers.LSTM(32, return_sequences=False)(text)
joined = layers.Concatenate()([encoded, meta])
outputs = layers.Dense(1, activation="sigmoid")(joined)
model = keras.Model([text, meta], outputs)
