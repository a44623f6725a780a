"""A builder of the project written for Keras 1: Model(input=..., output=...)."""
import keras
from keras import layers


def keras1_classifier(steps, channels, classes):
    inputs = keras.Input(shape=(steps, channels))
    x = layers.Conv1D(16, 3, activation="relu")(inputs)
    x = layers.GlobalAveragePooling1D()(x)
    return keras.Model(input=inputs, output=layers.Dense(classes, activation="softmax")(x))
