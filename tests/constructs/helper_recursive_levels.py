"""A U-Net built by a function that calls itself once per level, its depth argument counting down."""
import keras
from keras import layers


def level(x, filters, depth):
    if depth == 0:
        return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    skip = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(skip)
    x = level(x, filters * 2, depth - 1)
    x = layers.Conv2DTranspose(filters, 2, strides=2)(x)
    return layers.Concatenate()([skip, x])


image = keras.Input((32, 32, 1))
model = keras.Model(image, layers.Conv2D(1, 1)(level(image, 4, 3)))
