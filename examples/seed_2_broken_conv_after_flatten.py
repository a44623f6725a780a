"""Broken twin of seed example 2: Conv1D straight after Flatten."""
import numpy as np
from tensorflow.keras.layers import Dense, Conv1D, Flatten
from tensorflow.keras.models import Sequential

data = np.random.rand(100, 20, 1)  # 100 samples, 20 timesteps, 1 feature

model = Sequential([
    Flatten(input_shape=(20, 1)),
    Conv1D(32, 3, activation='relu'),
    Flatten(),
    Dense(1, activation='sigmoid')
])

model.compile(optimizer='adam', loss='binary_crossentropy')
