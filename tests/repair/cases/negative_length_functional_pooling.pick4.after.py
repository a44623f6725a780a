"""negative-length: seed 3 written functionally; removing a pooling step rewires the chain."""
import keras
from keras import layers


def make_model(length=20):
    inputs = keras.Input(shape=(length, 1))
    x = layers.Conv1D(32, 3, activation="relu")(inputs)
    pooled = layers.MaxPooling1D(4)(x)
    x = layers.Conv1D(64, 3, activation="relu")(pooled)
    x = layers.MaxPooling1D(2)(x)
    x = layers.Flatten()(x)
    return keras.Model(inputs, layers.Dense(1, activation="sigmoid")(x))
