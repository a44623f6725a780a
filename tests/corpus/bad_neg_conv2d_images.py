"""Thumbnail classifier (16x16) with a VGG-like stack that is too deep."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(16, 16, 3)))
model.add(layers.Conv2D(32, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.Conv2D(64, 3, activation="relu"))
model.add(layers.MaxPooling2D(2))
model.add(layers.Conv2D(128, 3, activation="relu"))  # SD102
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
