"""Filter counts divided by a width factor through a named lambda (`w = lambda n: max(1, n // width)`), as scaled-down
reimplementations of GoogLeNet-style models write them."""
import keras
from keras import layers


def branches(x, w):
    a = layers.Conv2D(w(64), 1, padding="same")(x)
    b = layers.Conv2D(w(128), 3, padding="same")(layers.Conv2D(w(96), 1, padding="same")(x))
    c = layers.Conv2D(w(32), 5, padding="same")(x)
    return layers.Concatenate()([a, b, c])


def build(width=8, size=32):
    w = lambda n: max(1, n // width)  # noqa: E731
    inputs = keras.Input((size, size, 3))
    x = branches(inputs, w)
    x = layers.Conv2D(w(256), 3, strides=2)(x)
    return keras.Model(inputs, layers.GlobalAveragePooling2D()(x))


model = build()
