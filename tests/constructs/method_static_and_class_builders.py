"""Builders written as a static method called through the class from __init__, and as a class method."""
import keras
from keras import layers


class Denoiser:
    def __init__(self, length):
        self.model = Denoiser._network(length)

    @staticmethod
    def _network(length, width=8):
        signal = keras.Input((length, 1))
        x = layers.Conv1D(width, 5, padding="same", activation="relu")(signal)
        return keras.Model(signal, layers.Conv1D(1, 5, padding="same")(x))


class Scorer:
    units = 16

    @classmethod
    def build(cls, features):
        rows = keras.Input((features,))
        return keras.Model(rows, layers.Dense(1)(layers.Dense(cls.units, activation="relu")(rows)))


denoiser = Denoiser(64).model
scorer = Scorer.build(10)
