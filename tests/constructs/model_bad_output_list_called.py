"""Broken: a feature extractor made with outputs=[features] (a list of one); in Keras 3 its `.output` keeps that
list, and the Conv1D head called on it gets a list, not a tensor."""
import keras
from keras import layers

series = keras.Input((32, 3))
features = layers.Conv1D(8, 5, activation="relu")(series)
extractor = keras.Model(series, [features])
head = layers.Conv1D(4, 3)(extractor.output)  # keras-error
model = keras.Model(series, layers.GlobalAveragePooling1D()(head))
