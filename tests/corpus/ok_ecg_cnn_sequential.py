"""1-D CNN for single-lead ECG beat classification (MIT-BIH style, 187 samples per beat)."""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense, Dropout

N_SAMPLES = 187
N_CLASSES = 5

X_train = np.random.rand(256, N_SAMPLES, 1)
y_train = np.random.randint(0, N_CLASSES, size=(256,))

model = Sequential([
    Conv1D(32, 5, activation="relu", input_shape=(N_SAMPLES, 1)),
    MaxPooling1D(2),
    Conv1D(64, 5, activation="relu"),
    MaxPooling1D(2),
    Conv1D(128, 3, activation="relu"),
    MaxPooling1D(2),
    Flatten(),
    Dense(64, activation="relu"),
    Dropout(0.5),
    Dense(N_CLASSES, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=10, batch_size=32)
