"""Broken: a custom Dense given activation="relu" that calls self.activation(y) itself: a string is not callable
(TypeError), where keras.layers.Dense would have looked the name up."""
import keras

class SimpleDense(keras.Layer):
    def __init__(self, units, activation=None):
        super().__init__()
        self.units = units
        self.activation = activation

    def build(self, input_shape):
        batch_dim, input_dim = input_shape
        self.W = self.add_weight(shape=(input_dim, self.units), initializer="random_normal")
        self.b = self.add_weight(shape=(self.units,), initializer="zeros")

    def call(self, inputs):
        y = keras.ops.matmul(inputs, self.W) + self.b
        if self.activation is not None:
            y = self.activation(y)
        return y


model = keras.Sequential([keras.Input(shape=(784,)), SimpleDense(32, activation="relu"), SimpleDense(10)])
