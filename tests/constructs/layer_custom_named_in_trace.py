"""A custom Layer subclass with a one-line call(), given a name and used inside a Sequential."""
import keras
from keras import layers


class Scale(keras.layers.Layer):
    def call(self, x):
        return x * 2.0


model = keras.Sequential(
    [
        keras.Input(shape=(100, 4)),
        layers.Conv1D(8, 3, activation="relu"),
        Scale(name="scale"),
        layers.Flatten(),
        layers.Dense(3, activation="softmax"),
    ]
)
