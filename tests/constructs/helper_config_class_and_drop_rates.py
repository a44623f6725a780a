"""Hyper-parameters as class attributes of a Config object (config.patch_size), per-block drop rates from
np.linspace choosing between two layers (Dropout if rate > 0.0 else Identity), and a tensor split into a list
whose first part is replaced before the parts are joined again."""
import numpy as np
import keras
from keras import layers, ops


class Config:
    image_size = 32
    patch_size = 4
    projected_dim = 24
    blocks = 3
    depth_rate = 0.2
    num_div = 4


config = Config()


class Block(layers.Layer):
    def __init__(self, rate, num_div, **kwargs):
        super().__init__(**kwargs)
        self.drop = layers.Dropout(rate) if rate > 0.0 else layers.Identity()
        self.num_div = num_div
        self.mix = layers.Dense(config.projected_dim)

    def call(self, x):
        parts = ops.split(x, self.num_div, axis=-1)
        parts[0] = parts[0] * 0.5
        return x + self.drop(self.mix(ops.concatenate(parts, axis=-1)))


inputs = keras.Input(shape=(config.image_size, config.image_size, 3))
x = layers.Conv2D(config.projected_dim, config.patch_size, strides=config.patch_size)(inputs)
rates = [r for r in np.linspace(0, config.depth_rate, config.blocks)]
for rate in rates:
    x = Block(rate, config.num_div)(x)
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(x))
