"""output-target-mismatch: a functional sensor classifier whose last layer is a Conv1D, trained against one-hot
labels of 6 classes: the head is appended by reassigning the output's name (Flatten, then Dense(6, softmax))."""
import numpy as np
import keras
from keras import layers


def build(steps, channels):
    inputs = keras.Input(shape=(steps, channels))
    x = layers.Conv1D(32, 5, activation="relu")(inputs)
    x = layers.MaxPooling1D(2)(x)
    x = layers.Conv1D(64, 3, activation="relu")(x)
    x = layers.Flatten()(x)
    x = layers.Dense(6, activation="softmax")(x)
    model = keras.Model(inputs, x)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


model = build(128, 9)
model.fit(np.zeros((4, 128, 9)), np.zeros((4, 6)))
