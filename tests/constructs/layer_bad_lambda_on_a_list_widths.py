"""A Lambda subtracting the two tensors of a list whose widths differ (8 and 6): Keras traces the function on the
list and fails."""
import keras
from keras import layers, ops

left = keras.Input(shape=(12,))
right = keras.Input(shape=(12,))
a = layers.Dense(8)(left)
b = layers.Dense(6)(right)
difference = layers.Lambda(lambda pair: ops.abs(pair[0] - pair[1]))([a, b])
model = keras.Model([left, right], layers.Dense(1)(difference))
