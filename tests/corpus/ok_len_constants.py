"""Sizes derived from the data: len() of a channel list, shape of the training array."""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, AveragePooling1D, Flatten, Dense

CHANNELS = ["ax", "ay", "az", "gx", "gy", "gz"]
WINDOW = 64
X = np.random.rand(500, WINDOW, len(CHANNELS))
y = np.random.rand(500, 1)

model = Sequential()
model.add(Conv1D(32, 5, activation="relu", input_shape=(X.shape[1], X.shape[2])))
model.add(AveragePooling1D(2))
model.add(Conv1D(32, 5, activation="relu"))
model.add(AveragePooling1D(2))
model.add(Flatten())
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=3)
