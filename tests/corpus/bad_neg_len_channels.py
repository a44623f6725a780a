"""Window length taken from a list of sample times; valid-padding kernels are too long."""
import numpy as np
from tensorflow.keras import layers, models

SAMPLE_TIMES = [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5]
X = np.zeros((32, len(SAMPLE_TIMES), 4))

model = models.Sequential()
model.add(layers.Conv1D(16, 5, activation="relu", input_shape=(X.shape[1], X.shape[2])))
model.add(layers.Conv1D(16, 5, activation="relu"))
model.add(layers.Conv1D(16, 5, activation="relu"))  # SD102
model.add(layers.Flatten())
model.add(layers.Dense(1))
