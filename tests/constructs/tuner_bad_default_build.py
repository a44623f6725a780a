"""Broken: with its defaults (1 block), the build function puts Conv1D after Dense, so the tuner's constructor
raises (it builds the model once to learn the search space)."""
import tempfile

import keras
from keras import layers
from keras_tuner import RandomSearch


def build_model(hp):
    inputs = keras.Input(shape=(128,))
    x = layers.Dense(hp.Int("units", 16, 64, step=16), activation="relu")(inputs)
    for i in range(hp.Int("conv_blocks", 1, 3)):
        x = layers.Conv1D(hp.Choice("filters", [32, 64]), 3, activation="relu")(x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(3, activation="softmax")(x)
    return keras.Model(inputs, outputs)


tuner = RandomSearch(build_model, objective="val_loss", max_trials=1, directory=tempfile.mkdtemp(), overwrite=True)
