# Per-window anomaly flag: y is (n, 1) but the model still outputs one value per step
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dense

N = 200
X = np.random.rand(N, 50, 2)
y = np.zeros((N, 1))

model = Sequential()
model.add(Conv1D(16, 3, activation="relu", input_shape=(50, 2)))
model.add(Dense(1, activation="sigmoid"))  # SD105
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(X, y, epochs=10, batch_size=32)
