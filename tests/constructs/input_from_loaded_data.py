"""Input shape and class count from data loaded at run time (np.load): unknowable statically."""
import os
import tempfile

import numpy as np
import keras
from keras import layers

DATA_DIR = tempfile.mkdtemp()
rng = np.random.default_rng(0)
np.save(os.path.join(DATA_DIR, "x.npy"), rng.normal(size=(90, 176, 2)).astype("float32"))
np.save(os.path.join(DATA_DIR, "y.npy"), rng.integers(0, 6, size=(90,)))


def load_dataset(folder):
    x = np.load(os.path.join(folder, "x.npy"))
    y = np.load(os.path.join(folder, "y.npy"))
    return x, y


x_train, y_train = load_dataset(DATA_DIR)
n_classes = len(np.unique(y_train))

input_layer = keras.Input(shape=x_train.shape[1:])
x = layers.Conv1D(64, 3, padding="same", activation="relu")(input_layer)
x = layers.Conv1D(64, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)
output_layer = layers.Dense(n_classes, activation="softmax")(x)
model = keras.Model(input_layer, output_layer)  # data-dependent: 1

seq_model = keras.Sequential([  # data-dependent: 1
    layers.Input(shape=(x_train.shape[1], x_train.shape[2])),
    layers.LSTM(32, return_sequences=True),
    layers.TimeDistributed(layers.Dense(1)),
])
