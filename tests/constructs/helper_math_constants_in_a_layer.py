"""A sinusoidal time embedding whose frequencies are a constant made in __init__ from math.log and ops.arange, and a
head whose width comes from math.ceil / math.floor / math.sqrt of known sizes."""
import math

import keras
from keras import layers, ops


class TimeEmbedding(layers.Layer):
    def __init__(self, dim, **kwargs):
        super().__init__(**kwargs)
        self.half_dim = dim // 2
        self.emb = math.log(10000) / (self.half_dim - 1)
        self.emb = ops.exp(ops.arange(self.half_dim, dtype="float32") * -self.emb)

    def call(self, inputs):
        inputs = ops.cast(inputs, dtype="float32")
        emb = inputs[:, None] * self.emb[None, :]
        return ops.concatenate([ops.sin(emb), ops.cos(emb)], axis=-1)


steps = keras.Input(shape=(), dtype="int64")
x = TimeEmbedding(32)(steps)
x = layers.Dense(math.ceil(37 / 4))(x)
x = layers.Dense(int(math.sqrt(64)) + math.floor(2.7))(x)
model = keras.Model(steps, x)
