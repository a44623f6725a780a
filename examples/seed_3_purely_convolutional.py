"""Seed article, example 3: purely convolutional (runs clean)."""
import numpy as np
from tensorflow.keras.layers import Conv1D, MaxPooling1D, Flatten, Dense
from tensorflow.keras.models import Sequential

# Sample data - 100 samples, 20 timesteps, 1 feature
data = np.random.rand(100, 20, 1)

model = Sequential([
    Conv1D(32, 3, activation='relu', input_shape=(20,1)),
    MaxPooling1D(2),
    Conv1D(64, 3, activation='relu'),
    Flatten(),
    Dense(1, activation='sigmoid')
])

model.summary()
model.compile(optimizer='adam', loss='binary_crossentropy')
