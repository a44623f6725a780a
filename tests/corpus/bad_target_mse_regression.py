"""Remaining-useful-life regression: mse silently broadcasts (n, 1) against (n, steps, 1)."""
import numpy as np
import keras
from keras import layers

WINDOW = 30
N_SENSORS = 14
X = np.random.rand(400, WINDOW, N_SENSORS)
y = np.random.rand(400, 1)

model = keras.Sequential([
    keras.Input(shape=(WINDOW, N_SENSORS)),
    layers.Conv1D(10, 10, padding="same", activation="tanh"),
    layers.Conv1D(10, 10, padding="same", activation="tanh"),
    layers.Dense(1),  # SD105 warning
])
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=30, batch_size=200)
