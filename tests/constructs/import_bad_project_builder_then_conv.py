"""The imported builder ends with Flatten + Dense; the script then applies a Conv1D: Keras' rank error, at
this file's Conv1D line."""

import keras
from keras import layers

from _project import ConvBlock, dense_head

inputs = keras.Input(shape=(64, 3))
x = ConvBlock(8)(inputs)
x = dense_head(x)
x = layers.Conv1D(8, 3)(x)
model = keras.Model(inputs, x)
