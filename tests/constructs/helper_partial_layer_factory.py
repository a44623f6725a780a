"""Layer factories passed around as functools.partial objects, called with and without more arguments."""
import functools
from functools import partial

import keras
from keras import layers


def mlp(x, widths, norm, activation):
    for width in widths:
        x = norm()(x)
        x = layers.Dense(width)(x)
        x = activation()(x)
    return x


def conv_block(x, filters, kernel_size=3, strides=1):
    x = layers.Conv1D(filters, kernel_size, strides=strides, padding="same")(x)
    return layers.ReLU()(x)


signal = keras.Input(shape=(64, 4))
down = partial(conv_block, kernel_size=5, strides=2)
x = down(signal, 16)
x = down(x, filters=32)
x = functools.partial(layers.Conv1D, padding="valid")(8, 3)(x)
x = layers.Flatten()(x)
x = mlp(x, [32, 16], partial(layers.LayerNormalization, epsilon=1e-6), partial(layers.Activation, "gelu"))
model = keras.Model(signal, layers.Dense(3)(x))
