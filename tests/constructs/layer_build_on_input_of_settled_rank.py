"""A custom layer whose build(input_shape) sizes its kernel, called on Input(shape=x_train.shape[1:]) of data loaded
at run time: the input's rank is settled only once the model is made (here from the Flatten and Dense after the
layer), so the file is walked again with that rank from the start and the kernel, the matmul and the head get
shapes."""
import os
import tempfile

import numpy as np
import keras
from keras import layers

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "x.npy"), np.zeros((40, 12), dtype="float32"))
x_train = np.load(os.path.join(DATA_DIR, "x.npy"))


class Projection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform")

    def call(self, x):
        return x @ self.kernel


inputs = keras.Input(shape=x_train.shape[1:])
x = Projection(16)(inputs)
x = layers.Dense(8, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
