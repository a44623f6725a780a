"""A Conv1D subclass placed after a Flatten: the subclass keeps Conv1D's need for (batch, steps, channels)."""
import keras
from keras import layers


class DilatedConv(layers.Conv1D):
    def __init__(self, filters, **kwargs):
        super().__init__(filters, 3, dilation_rate=2, padding="same", **kwargs)


signal = keras.Input(shape=(128, 3))
x = layers.Conv1D(16, 5, activation="relu")(signal)
x = layers.Flatten()(x)
x = DilatedConv(8)(x)
x = layers.GlobalMaxPooling1D()(x)
model = keras.Model(signal, layers.Dense(2, activation="softmax")(x))
