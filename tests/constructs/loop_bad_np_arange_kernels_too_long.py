"""Kernel sizes from ``np.arange(5, 30, 10)``: 5, 15 and 25 on 32 steps; the third Conv1D gets 14 steps."""
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(32, 1))
x = inputs
for kernel_size in np.arange(5, 30, 10):
    x = layers.Conv1D(8, int(kernel_size))(x)
x = layers.Flatten()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
