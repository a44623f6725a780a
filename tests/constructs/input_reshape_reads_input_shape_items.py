"""A builder given ``X.shape[1:]`` of data loaded at run time reshapes its input with the sizes it reads from that
shape (``Reshape((input_shape[0], input_shape[1], 1))``, as disjoint-CNN time-series networks do): the Reshape
reads the very sizes the Input has, and the Input has at least the two axes it reads."""
import os
import tempfile

import numpy as np
import keras

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "x.npy"), np.zeros((25, 48, 3), dtype="float32"))


def build_network(input_shape, n_classes):
    input_layer = keras.layers.Input(input_shape)
    x = keras.layers.Reshape(target_shape=(input_shape[0], input_shape[1], 1))(input_layer)
    x = keras.layers.Conv2D(8, kernel_size=(5, 1), padding="same", activation="relu")(x)
    x = keras.layers.Conv2D(8, kernel_size=(1, input_shape[1]), padding="valid", activation="relu")(x)
    x = keras.layers.GlobalAveragePooling2D()(x)
    output_layer = keras.layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs=input_layer, outputs=output_layer)


X = np.load(os.path.join(DATA_DIR, "x.npy"))
model = build_network(X.shape[1:], 4)
