"""Broken: a static builder called through the class puts a Conv1D after the Dense that ended the steps."""
import keras
from keras import layers


class Forecaster:
    def __init__(self, steps):
        self.net = Forecaster.make(steps)

    @staticmethod
    def make(steps):
        series = keras.Input((steps, 2))
        x = layers.Flatten()(series)
        x = layers.Dense(32)(x)
        x = layers.Conv1D(4, 3)(x)  # keras-error
        return keras.Model(series, x)


forecaster = Forecaster(20)
