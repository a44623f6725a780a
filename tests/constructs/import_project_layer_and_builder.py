"""A script importing a custom layer, a builder function and sizes from a package of its own project."""

import keras
from keras import layers

import _project.sizes as sizes
from _project import ConvBlock, dense_head
from _project.blocks import WIDTH

inputs = keras.Input(shape=(sizes.STEPS, 3))
x = ConvBlock(WIDTH)(inputs)
x = ConvBlock(WIDTH * 2)(x)
x = dense_head(x, units=sizes.UNITS)
outputs = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inputs, outputs)
