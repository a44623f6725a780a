"""negative-length: the window length is a parameter's default, too short for two valid convolutions and a
pooling; fix 3 edits the default where it is written."""
import keras
from keras import layers


def make_classifier(window=6, channels=2, classes=3):
    inputs = keras.Input((window, channels))
    x = layers.Conv1D(16, 3, activation="relu")(inputs)
    x = layers.Conv1D(16, 3, activation="relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    return keras.Model(inputs, layers.Dense(classes, activation="softmax")(x))


classifier = make_classifier()
