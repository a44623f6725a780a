"""incompatible-merge twice in a row: fixing the first concatenate(axis=1) lets the second be checked, which needs the same fix; one fix of both."""
import keras
from keras import layers

inputs = keras.Input((16, 16, 3))
a = layers.Conv2D(8, 3, padding="same")(inputs)
b = layers.Conv2D(16, 3, padding="same")(inputs)
x = layers.concatenate([a, b], axis=1)
c = layers.Conv2D(4, 3, padding="same")(x)
y = layers.concatenate([c, a], axis=1)
model = keras.Model(inputs, layers.Conv2D(1, 1)(y))
