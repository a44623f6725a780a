"""Building blocks the ``import_*`` fixtures import: a custom layer, a builder function and a constant."""

import keras
from keras import layers

WIDTH = 16


class ConvBlock(layers.Layer):
    """Conv1D then MaxPooling1D: halves the steps."""

    def __init__(self, filters, **kwargs):
        super().__init__(**kwargs)
        self.conv = layers.Conv1D(filters, 3, padding="same", activation="relu")
        self.pool = layers.MaxPooling1D(2)

    def call(self, x):
        return self.pool(self.conv(x))


def dense_head(x, units=WIDTH):
    x = layers.Flatten()(x)
    return layers.Dense(units, activation="relu")(x)


if __name__ == "__main__":  # the module's own demo: not run when it is imported
    demo = keras.Sequential([keras.Input((8,)), layers.Dense(3)])
