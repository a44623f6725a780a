"""Broken: a custom layer's kernel is sized from a constructor argument that does not match its input."""
import keras
from keras import layers, ops


class Projection(layers.Layer):
    def __init__(self, in_dim, units):
        super().__init__()
        self.w = self.add_weight(shape=(in_dim, units), initializer="glorot_uniform")

    def call(self, x):
        return ops.matmul(x, self.w)


inputs = keras.Input(shape=(64,))
h = layers.Dense(48, activation="relu")(inputs)
h = Projection(64, 16)(h)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
