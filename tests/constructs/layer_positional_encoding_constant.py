"""A positional encoding kept as a constant made from a numpy table, sliced to the length of the sequence it gets
(`tf.constant(table)`, `self.table[:, :tf.shape(inputs)[1]]`), and a time embedding looked up in such a table."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class PositionalEncoding(keras.layers.Layer):
    def __init__(self, max_length, width, **kwargs):
        super().__init__(**kwargs)
        positions, steps = np.meshgrid(np.arange(max_length), 2 * np.arange(width // 2))
        table = np.empty((1, max_length, width))
        table[0, :, ::2] = np.sin(positions / 10_000 ** (steps / width)).T
        table[0, :, 1::2] = np.cos(positions / 10_000 ** (steps / width)).T
        self.table = tf.constant(table.astype(np.float32))

    def call(self, inputs):
        length = tf.shape(inputs)[1]
        return inputs + self.table[:, :length]


class TimeEncoding(keras.layers.Layer):
    def __init__(self, steps, width, **kwargs):
        super().__init__(**kwargs)
        table = np.random.rand(steps, width)
        self.table = tf.constant(table.astype(np.float32))

    def call(self, times):
        return keras.ops.take(self.table, times, axis=0)


tokens = keras.Input(shape=(20,), dtype="int32")
x = keras.layers.Embedding(1000, 32)(tokens)
x = PositionalEncoding(50, 32)(x)
outputs = keras.layers.Dense(4)(keras.layers.GlobalAveragePooling1D()(x))
encoder = keras.Model(tokens, outputs)

times = keras.Input(shape=(), dtype="int32")
embedded = TimeEncoding(100, 16)(times)
timed = keras.Model(times, keras.layers.Dense(8)(embedded))
