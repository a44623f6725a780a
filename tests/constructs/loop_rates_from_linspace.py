"""Per-block drop rates taken by iterating over a linspace (a list comprehension and a for loop), used in tensor
arithmetic inside a custom layer and as the condition of a conditional expression."""
import keras
import numpy as np
from keras import layers, ops


class DropPath(layers.Layer):
    def __init__(self, rate, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, x, training=True):
        keep = 1 - self.rate
        mask = ops.floor(keep + keras.random.uniform((ops.shape(x)[0], 1, 1)))
        return (x / keep) * mask


def block(x, rate):
    y = layers.Dense(12, activation="gelu")(layers.LayerNormalization()(x))
    y = DropPath(rate)(y) if rate else y
    return layers.Add()([x, y])


tokens = keras.Input(shape=(9, 12))
rates = [r for r in ops.linspace(0.0, 0.2, 3)]
x = tokens
for i in range(3):
    x = block(x, rates[i])
for rate in np.linspace(0.1, 0.3, 2):
    x = DropPath(rate)(x)
model = keras.Model(tokens, layers.GlobalAveragePooling1D()(x))
