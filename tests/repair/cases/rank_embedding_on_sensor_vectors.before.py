"""An Embedding copied from a text model in front of a GRU that reads sensor windows: the Input declares 6
readings per step, vectors already, and the Embedding gives every reading a vector of its own (rank 4 into the
GRU). The Embedding goes; the GRU reads the readings as they are."""
import numpy as np
import keras
from keras import layers

windows = np.random.rand(8, 30, 6).astype("float32")
activity = np.zeros((8, 5))

model = keras.Sequential([
    keras.Input((30, 6)),
    layers.Embedding(1000, 32),
    layers.GRU(16),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(windows, activity, epochs=1)
