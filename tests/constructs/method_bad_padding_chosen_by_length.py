"""A padding chosen by a run-time condition on a Conv1D placed after a Dense: whichever padding the data picks,
the Conv1D gets a 2-D input, so Keras fails at that layer either way."""
import os
import tempfile

import numpy as np
import keras

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "x.npy"), np.zeros((20, 32), dtype="float32"))


class DenseThenConv:
    def build_model(self, input_shape, nb_classes):
        padding = "same" if input_shape[0] < 60 else "valid"
        inputs = keras.Input(shape=(input_shape[0],))
        x = keras.layers.Dense(64, activation="relu")(inputs)
        x = keras.layers.Conv1D(16, 3, padding=padding)(x)
        x = keras.layers.GlobalAveragePooling1D()(x)
        outputs = keras.layers.Dense(nb_classes, activation="softmax")(x)
        return keras.Model(inputs, outputs)


x_train = np.load(os.path.join(DATA_DIR, "x.npy"))
model = DenseThenConv().build_model(x_train.shape[1:], 4)
