"""A Lambda applied to a list of tensors: a user function with output_shape (a siamese distance), and functions
followed without it (a difference of the pair, a concatenation)."""
import keras
from keras import layers, ops


def euclidean_distance(vects):
    x, y = vects
    sum_square = ops.sum(ops.square(x - y), axis=1, keepdims=True)
    return ops.sqrt(ops.maximum(sum_square, keras.backend.epsilon()))


left = keras.Input(shape=(12,))
right = keras.Input(shape=(12,))
tower = layers.Dense(8, activation="tanh")
a, b = tower(left), tower(right)
distance = layers.Lambda(euclidean_distance, output_shape=(1,))([a, b])
difference = layers.Lambda(lambda pair: ops.abs(pair[0] - pair[1]))([a, b])
joined = layers.Lambda(lambda pair: ops.concatenate(pair, axis=-1))([a, b, distance])
outputs = layers.Dense(1, activation="sigmoid")(layers.Concatenate()([joined, difference]))
model = keras.Model([left, right], outputs)
