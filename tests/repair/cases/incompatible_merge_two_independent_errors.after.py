"""incompatible-merge twice in one model, in independent branches: each finding gets its own fix; fix takes them in turn."""
import keras
from keras import layers

a = keras.Input((16, 16, 64))
b = keras.Input((16, 16, 32))
x = layers.concatenate([a, b], axis=-1)
seq = keras.Input((20, 8))
h = layers.LSTM(32, return_sequences=False)(seq)
v = keras.Input((10,))
y = layers.Concatenate()([h, v])
model = keras.Model([a, b, seq, v], [x, y])
