"""A custom Layer with weights made in build(input_shape) and a call() using ops.matmul and `+`."""
import keras
from keras import layers, ops


class Linear(layers.Layer):
    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


class MLPBlock(layers.Layer):
    def __init__(self, hidden=64, out=10):
        super().__init__()
        self.linear_1 = Linear(hidden)
        self.linear_2 = Linear(hidden // 2)
        self.linear_3 = Linear(out)

    def call(self, inputs):
        x = ops.relu(self.linear_1(inputs))
        x = ops.relu(self.linear_2(x))
        return self.linear_3(x)


inputs = keras.Input(shape=(784,))
h = Linear(128)(inputs)
outputs = MLPBlock(hidden=64, out=10)(h)
model = keras.Model(inputs, outputs)
