"""Cross-validation: a loop over folds that only the data decides builds, compiles and fits a new Sequential in each
pass.  The loop may run any number of times, but each model it makes has exactly the layers its pass adds."""
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
    model.add(layers.Dense(10, activation="relu"))
    model.add(layers.Dense(1))
    model.compile(loss="mean_squared_error", optimizer="adam")
    model.fit(x[train], y[train], epochs=1, verbose=0)
