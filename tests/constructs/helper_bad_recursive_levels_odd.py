"""Broken: the same recursive U-Net levels on 36 x 36 images with four levels: 36 -> 18 -> 9 -> 4, and 4 comes
back as 8 against the skip of 9."""
import keras
from keras import layers


def level(x, filters, depth):
    if depth == 0:
        return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    skip = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(skip)
    x = level(x, filters * 2, depth - 1)
    x = layers.UpSampling2D()(x)
    return layers.Concatenate()([skip, x])  # keras-error


image = keras.Input((36, 36, 1))
model = keras.Model(image, layers.Conv2D(1, 1)(level(image, 4, 3)))
