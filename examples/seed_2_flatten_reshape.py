"""Seed article, example 2: Reshape after a Flatten layer (runs clean)."""
import numpy as np
from tensorflow.keras.layers import Dense, Conv1D, Flatten, Reshape
from tensorflow.keras.models import Sequential

# Sample data - 100 samples, 20 timesteps, 1 feature
data = np.random.rand(100, 20, 1)

model = Sequential([
    Flatten(input_shape=(20,1)), # Flatten layer
    Reshape((10,2)), # Attempting to restore a spatial dimension.
    Conv1D(32, 3, activation='relu'),
    Flatten(),
    Dense(1, activation='sigmoid')
])

model.summary()
model.compile(optimizer='adam', loss='binary_crossentropy')
