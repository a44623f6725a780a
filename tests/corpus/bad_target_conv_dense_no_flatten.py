"""Binary arrhythmia detector: the Dense head is applied per step (no Flatten); y is known, fit raises."""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Dense


def load_windows():
    return np.random.rand(64, 180, 1), np.random.randint(0, 2, (64, 1))


X, y = load_windows()
model = Sequential()
model.add(Conv1D(32, 5, activation="relu", input_shape=(180, 1)))
model.add(MaxPooling1D(2))
model.add(Conv1D(32, 5, activation="relu"))
model.add(Dense(1, activation="sigmoid"))  # SD105 error
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=5)
