"""A backbone with its own input_shape as the first item of a Sequential: the Sequential takes its input."""

import keras
from keras import layers
from keras.applications import VGG16

conv_base = VGG16(weights=None, include_top=False, input_shape=(150, 150, 3))
model = keras.Sequential()
model.add(conv_base)
model.add(layers.Flatten())
model.add(layers.Dense(256, activation="relu"))
model.add(layers.Dense(1, activation="sigmoid"))

listed = keras.Sequential([conv_base, layers.GlobalAveragePooling2D(), layers.Dense(10)])
