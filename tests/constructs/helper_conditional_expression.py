"""Tensors chosen by a conditional expression whose condition is only known at run time: stochastic depth that is
skipped for a zero rate keeps the shape either way."""
import keras
import numpy as np
from keras import layers


class StochasticDepth(layers.Layer):
    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, x, training=None):
        return x


def encoder_block(x, rate, width):
    y = layers.LayerNormalization()(x)
    y = layers.MultiHeadAttention(num_heads=2, key_dim=width // 2)(y, y)
    y = StochasticDepth(rate)(y) if rate else y
    x = layers.Add()([x, y])
    y = layers.Dense(width, activation="gelu")(layers.LayerNormalization()(x))
    y = StochasticDepth(rate)(y) if rate else y
    return layers.Add()([x, y])


rates = np.linspace(0.0, 0.1, 3)
tokens = keras.Input(shape=(10, 16))
x = tokens
for i in range(3):
    x = encoder_block(x, rates[i], 16)
pooled = layers.GlobalAveragePooling1D()(x)
model = keras.Model(tokens, layers.Dense(4)(pooled))
