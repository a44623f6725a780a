"""CIFAR-style images stored channels-first, (3, 32, 32), fed to channels_last Conv2D/MaxPooling2D."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(3, 32, 32)),
    layers.Conv2D(32, 3, activation="relu", data_format="channels_first"),
    layers.MaxPooling2D(2, data_format="channels_first"),
    layers.Conv2D(64, 3, activation="relu", data_format="channels_first"),
    layers.MaxPooling2D(2, data_format="channels_first"),
    layers.Flatten(data_format="channels_first"),
    layers.Dense(10, activation="softmax"),
])
