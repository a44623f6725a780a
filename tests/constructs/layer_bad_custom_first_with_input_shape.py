"""A custom layer first in a Sequential, given ``input_shape=(16,)`` that its ``**kwargs`` pass on to Keras: the
Conv1D after it gets (None, 32), with no steps axis."""
import keras
from keras import layers


class Scale(keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform")

    def call(self, inputs):
        return keras.ops.matmul(inputs, self.w)


model = keras.Sequential([
    Scale(32, input_shape=(16,)),
    layers.Conv1D(8, 3),  # keras-error
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
