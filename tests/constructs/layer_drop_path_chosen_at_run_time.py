"""A block whose drop-path layer is chosen by a condition known only at run time (rates from a linspace):
``DropPath(rate) if rate > 0.0 else layers.Identity()``, both keeping the shape; and a head chosen the same way
between two Dense layers of one width (with or without an activation): either way, the same shape follows."""
import keras
from keras import layers, ops


class DropPath(layers.Layer):
    def __init__(self, rate=0.5, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate
        self.seed = keras.random.SeedGenerator(seed)

    def call(self, x, training=None):
        if self.rate == 0.0 or not training:
            return x
        else:
            batch_size = x.shape[0] or ops.shape(x)[0]
            drop_map_shape = (batch_size,) + (1,) * (len(x.shape) - 1)
            drop_map = ops.cast(keras.random.uniform(drop_map_shape, seed=self.seed) > self.rate, x.dtype)
            return x / (1 - self.rate) * drop_map


class Block(layers.Layer):
    def __init__(self, dim, drop_path_rate, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(dim)
        self.drop_path = DropPath(drop_path_rate) if drop_path_rate > 0.0 else layers.Identity()

    def call(self, x):
        return x + self.drop_path(self.dense(x))


def build(rates):
    inputs = keras.Input(shape=(10, 16))
    x = inputs
    for rate in rates:
        x = Block(16, rate)(x)
    return keras.Model(inputs, x)


model = build([float(r) for r in keras.ops.linspace(0.0, 0.2, 3)])

inputs = keras.Input(shape=(10, 16))
rate = float(keras.ops.max(keras.ops.linspace(0.0, 0.2, 3)))
head = layers.Dense(4) if rate > 0.1 else layers.Dense(4, activation="relu")
chosen_model = keras.Model(inputs, head(inputs))
