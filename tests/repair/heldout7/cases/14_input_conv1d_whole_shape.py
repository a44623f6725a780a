"""One-layer Conv1D classifier declared with input_shape=X.shape, the whole (samples, features) matrix
(exchangetuts.com, "Dimension of shape in conv1D")."""
import keras
import numpy as np
from keras import layers

X = np.zeros((569, 12), dtype="float32")  # the CancerAdapter.csv features (569 rows, 30 columns in the question)

model = keras.Sequential()
model.add(layers.Conv1D(2, 2, activation="relu", input_shape=X.shape))  # heldout: mistake
model.add(layers.Flatten())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
