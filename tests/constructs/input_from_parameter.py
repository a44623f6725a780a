"""A builder function whose Input shape is a parameter, called with literals and with an array's shape."""
import numpy as np
import keras
from keras import layers


def make_model(input_shape, num_classes, dropout=0.3):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(16, 3, activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(32, 3, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    if num_classes == 2:
        units, activation = 1, "sigmoid"
    else:
        units, activation = num_classes, "softmax"
    outputs = layers.Dense(units, activation=activation)(x)
    return keras.Model(inputs, outputs)


binary = make_model(input_shape=(48, 48, 3), num_classes=2)
spectrograms = np.ones((10, 40, 98, 1), dtype="float32")
multiclass = make_model(spectrograms.shape[1:], 12)
