"""A custom layer called on [features, edges] whose build() reads only the features' shape, while the edges come
from an Input shaped by data loaded at run time (its rank is settled by no layer): build() runs on the shapes it
can read, so the kernel, the matmul and the head are all checked."""
import os
import tempfile

import numpy as np
import keras
from keras import layers, ops

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "edges.npy"), np.zeros((30, 2), dtype="int32"))
edge_array = np.load(os.path.join(DATA_DIR, "edges.npy"))


class GraphProjection(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[0][-1], self.units), initializer="glorot_uniform")

    def call(self, inputs):
        features, edges = inputs
        return ops.matmul(features, self.kernel)


features = keras.Input(shape=(16,))
edges = keras.Input(shape=edge_array.shape[1:], dtype="int32")
x = GraphProjection(8)([features, edges])
outputs = layers.Dense(4)(x)
model = keras.Model([features, edges], outputs)
