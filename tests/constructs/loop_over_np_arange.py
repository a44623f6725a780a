"""Kernel sizes from ``np.arange(start, stop, step)``: a loop over a numpy range adds one Conv1D per size."""
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(32, 1))
x = inputs
for kernel_size in np.arange(start=3, stop=9, step=2):
    x = layers.Conv1D(8, int(kernel_size), activation="relu")(x)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
