"""A classifier class whose padding depends on the series length, known only from the data at run time:
``padding = "same"`` for short series, else ``"valid"`` (time-series classifier code does this for one short
dataset).  Each padding is checked; the layers after it get a length that is one of the two."""
import os
import tempfile

import numpy as np
import keras

DATA_DIR = tempfile.mkdtemp()
rng = np.random.default_rng(0)
np.save(os.path.join(DATA_DIR, "x.npy"), rng.normal(size=(40, 96, 1)).astype("float32"))


class ConvClassifier:
    def __init__(self, input_shape, nb_classes):
        self.model = self.build_model(input_shape, nb_classes)

    def build_model(self, input_shape, nb_classes):
        padding = "valid"
        input_layer = keras.layers.Input(input_shape)
        if input_shape[0] < 60:  # the short dataset
            padding = "same"
        conv1 = keras.layers.Conv1D(filters=6, kernel_size=7, padding=padding, activation="sigmoid")(input_layer)
        conv1 = keras.layers.AveragePooling1D(pool_size=3)(conv1)
        conv2 = keras.layers.Conv1D(filters=12, kernel_size=7, padding=padding, activation="sigmoid")(conv1)
        conv2 = keras.layers.AveragePooling1D(pool_size=3)(conv2)
        flatten_layer = keras.layers.Flatten()(conv2)
        output_layer = keras.layers.Dense(units=nb_classes, activation="sigmoid")(flatten_layer)
        return keras.models.Model(inputs=input_layer, outputs=output_layer)


x_train = np.load(os.path.join(DATA_DIR, "x.npy"))
classifier = ConvClassifier(x_train.shape[1:], 3)
