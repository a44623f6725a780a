"""Input(shape=X.shape) of one series (a 1-D array): the Input is (None, length), with no channel axis for the
Conv1D after it."""
import numpy as np
import keras
from keras import layers


def series_filter(series, filters, kernel):
    inputs = keras.Input(shape=series.shape)
    x = layers.Conv1D(filters, kernel, padding="same")(inputs)
    return keras.Model(inputs, x)


signal = np.random.randn(24)
model = series_filter(signal, 4, 3)
