"""Tabular features projected and reshaped into a sequence before the convolutions."""
import numpy as np
from tensorflow.keras.layers import Dense, Conv1D, Flatten, Reshape
from tensorflow.keras.models import Sequential

data = np.random.rand(100, 50)

model = Sequential([
    Dense(64, activation="relu", input_shape=(50,)),
    Reshape((16, 4)),
    Conv1D(32, 3, activation="relu"),
    Flatten(),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
