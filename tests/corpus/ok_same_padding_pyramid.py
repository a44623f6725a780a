# Gesture recognition from a 6-channel IMU, 100 Hz, 2-second windows
import numpy as np
from keras import Sequential
from keras.layers import Conv1D, MaxPool1D, BatchNormalization, GlobalAveragePooling1D, Dense

WINDOW = 200
CHANNELS = 6
X = np.random.rand(64, WINDOW, CHANNELS)

model = Sequential()
model.add(Conv1D(16, 9, padding="same", activation="relu", input_shape=X.shape[1:]))
for filters in [32, 64, 128, 256]:
    model.add(Conv1D(filters, 5, padding="same", activation="relu"))
    model.add(BatchNormalization())
    model.add(MaxPool1D(2, padding="same"))
model.add(GlobalAveragePooling1D())
model.add(Dense(8, activation="softmax"))
model.compile("adam", "categorical_crossentropy")
