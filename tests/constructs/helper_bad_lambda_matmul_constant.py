"""Broken: a Lambda's user function multiplies by a numpy matrix whose inner size is not the input width."""
import numpy as np
import keras
from keras import layers, ops

PROJECTION = np.random.normal(size=(64, 8)).astype("float32")


def random_projection(t):
    return ops.matmul(t, PROJECTION)


inputs = keras.Input(shape=(32,))
h = layers.Dense(48, activation="relu")(inputs)
h = layers.Lambda(random_projection)(h)
outputs = layers.Dense(1, activation="sigmoid")(h)
model = keras.Model(inputs, outputs)
