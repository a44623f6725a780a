"""Broken twin of seed example 1: Conv1D straight after Dense (Keras: expected min_ndim=3, found ndim=2)."""
import numpy as np
from tensorflow.keras.layers import Dense, Conv1D, Flatten
from tensorflow.keras.models import Sequential

data = np.random.rand(100, 50)  # 100 samples, 50 features

model = Sequential([
    Dense(64, activation='relu', input_shape=(50,)),
    Conv1D(32, 3, activation='relu'),
    Flatten(),
    Dense(1, activation='sigmoid')
])

model.compile(optimizer='adam', loss='binary_crossentropy')
