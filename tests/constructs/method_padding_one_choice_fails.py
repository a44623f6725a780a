"""A padding chosen by the size of data loaded at run time, where one choice could not build (a kernel longer
than the 8 steps with ``"valid"``): the run that takes the other choice builds, so nothing is reported, and the
layers after it are checked on the choice that builds."""
import os
import tempfile

import numpy as np
import keras
from keras import layers

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "x.npy"), np.zeros((100, 8, 3), dtype="float32"))

x_train = np.load(os.path.join(DATA_DIR, "x.npy"))
padding = "same" if len(x_train) < 1000 else "valid"

inputs = keras.Input(shape=(8, 3))
x = layers.Conv1D(16, 9, padding=padding)(inputs)
x = layers.Flatten()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
