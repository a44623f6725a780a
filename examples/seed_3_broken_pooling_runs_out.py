"""Broken twin of seed example 3: the pooling chain runs out of steps (20 -> 18 -> 4 -> 2 -> 0)."""
import numpy as np
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Flatten, Dense
from tensorflow.keras.models import Sequential

data = np.random.rand(100, 20, 1)  # 100 samples, 20 timesteps, 1 feature

model = Sequential([
    Conv1D(32, 3, activation='relu', input_shape=(20, 1)),
    MaxPooling1D(4),
    Conv1D(64, 3, activation='relu'),
    MaxPooling1D(4),
    Flatten(),
    Dense(1, activation='sigmoid')
])

model.compile(optimizer='adam', loss='binary_crossentropy')
