"""Seed article, example 1: Reshape after a Dense layer (runs clean)."""
import numpy as np
from tensorflow.keras.layers import Dense, Conv1D, Flatten, Reshape
from tensorflow.keras.models import Sequential

# Sample data - adjust to your actual data
data = np.random.rand(100, 50) # 100 samples, 50 features

model = Sequential([
    Dense(64, activation='relu', input_shape=(50,)), # Dense layer
    Reshape((8, 8)), # Reshape to (samples, timesteps, features) - requires careful design
    Conv1D(32, 3, activation='relu'), # Conv1D layer
    Flatten(),
    Dense(1, activation='sigmoid')
])

model.summary()
model.compile(optimizer='adam', loss='binary_crossentropy')
