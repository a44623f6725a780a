"""Tabular features reshaped into a short sequence for a small CNN (feature-as-time trick)."""
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, Reshape, Conv1D, GlobalMaxPooling1D

N_FEATURES = 48
X = np.random.rand(100, N_FEATURES)
y = np.random.randint(0, 2, (100, 1))

model = Sequential([
    Dense(96, activation="relu", input_dim=N_FEATURES),
    Reshape((-1, 8)),
    Conv1D(32, 3, activation="relu"),
    Conv1D(32, 3, activation="relu"),
    GlobalMaxPooling1D(),
    Dense(1, activation="sigmoid"),
])
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
model.fit(X, y, epochs=5)
