"""Strided convolutions then a large average pool over a 64-step window."""
import numpy as np
from keras import Sequential, layers

X = np.random.rand(10, 64, 2)
model = Sequential([
    layers.Conv1D(16, 5, strides=2, activation="relu", input_shape=X.shape[1:]),
    layers.Conv1D(32, 5, strides=2, activation="relu"),
    layers.AveragePooling1D(pool_size=16),  # SD102
    layers.Flatten(),
    layers.Dense(1),
])
