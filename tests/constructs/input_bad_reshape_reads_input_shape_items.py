"""The same builder with a Conv1D after the Reshape that adds a channels axis: the Conv1D gets
(batch, steps, variables, 1), one axis too many, whatever the data's sizes."""
import os
import tempfile

import numpy as np
import keras

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "x.npy"), np.zeros((25, 48, 3), dtype="float32"))


def build_network(input_shape, n_classes):
    input_layer = keras.layers.Input(input_shape)
    x = keras.layers.Reshape(target_shape=(input_shape[0], input_shape[1], 1))(input_layer)
    x = keras.layers.Conv1D(8, 5, padding="same", activation="relu")(x)
    x = keras.layers.GlobalAveragePooling1D()(x)
    output_layer = keras.layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs=input_layer, outputs=output_layer)


X = np.load(os.path.join(DATA_DIR, "x.npy"))
model = build_network(X.shape[1:], 4)
