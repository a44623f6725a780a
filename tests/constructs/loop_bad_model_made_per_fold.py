"""A model made in each pass of a loop over folds only the data decides, with a Conv1D straight after a Dense:
every pass that runs builds the same broken model."""
import numpy as np
import keras
from keras import layers

x = np.random.rand(30, 6).astype("float32")
y = np.random.rand(30, 1).astype("float32")


def folds(n_samples, k):
    indices = np.arange(n_samples)
    for test in np.array_split(indices, k):
        yield np.setdiff1d(indices, test), test


for train, test in folds(len(x), 3):
    model = keras.Sequential()
    model.add(layers.Dense(20, input_dim=x.shape[1], activation="relu"))
    model.add(layers.Conv1D(10, 3, activation="relu"))
    model.add(layers.Dense(1))
    model.compile(loss="mean_squared_error", optimizer="adam")
    model.fit(x[train], y[train], epochs=1, verbose=0)
