"""A custom layer whose weights come from add_variable (Keras 3: shape first, no name), by position and by keyword."""
import keras

class Table(keras.layers.Layer):
    def __init__(self, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width

    def build(self, input_shape):
        self.table = self.add_variable((input_shape[-1], self.width), initializer="glorot_uniform")
        self.bias = self.add_variable(shape=(self.width,), initializer="zeros")

    def call(self, inputs):
        return keras.ops.matmul(inputs, self.table) + self.bias

inputs = keras.Input(shape=(10, 6))
model = keras.Model(inputs, Table(4)(inputs))
