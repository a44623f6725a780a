"""A feature extractor made with outputs=[features]: its `.output` is a list in Keras 3, so the head takes
`.output[0]`, and a merge may take the list as it is."""
import keras
from keras import layers

series = keras.Input((32, 3))
features = layers.Conv1D(8, 5, activation="relu")(series)
extractor = keras.Model(series, [features])
head = layers.Conv1D(4, 3, padding="same")(extractor.output[0])
both = layers.Concatenate()(extractor.output + [head])
model = keras.Model(series, layers.GlobalAveragePooling1D()(both))
