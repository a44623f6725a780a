"""A feature extractor built with outputs=[features]: Keras 3 keeps the list, so its .output is a list of one
tensor, which the Conv1D head is called on (Keras 2 unwrapped it)."""
import keras
from keras import layers

series = keras.Input((64, 3))
features = layers.Conv1D(16, 5, activation="relu")(series)
extractor = keras.Model(series, outputs=[features])
head = layers.Conv1D(8, 3, activation="relu")(extractor.output)
pooled = layers.GlobalAveragePooling1D()(head)
model = keras.Model(series, layers.Dense(2, activation="softmax")(pooled))
