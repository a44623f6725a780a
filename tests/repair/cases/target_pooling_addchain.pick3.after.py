"""output-target-mismatch: MaxPooling1D leaves steps before the classifier head."""
import numpy as np
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Conv1D, Dense, MaxPooling1D, Flatten

x = np.zeros((64, 40, 1))
y = np.zeros((64, 1))
model = Sequential()
model.add(Conv1D(16, 5, activation="relu", input_shape=(40, 1)))
model.add(MaxPooling1D(2))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(x, y, epochs=3)
