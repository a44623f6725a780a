"""A pyramid pooling module whose bin sizes derive from a feature size worked out for 256-pixel images (256 // 8),
built on 64-pixel ones."""
import keras
from keras import layers

FEATURE_SIZE = 32  # 256 // 8


def pyramid_branch(features, bins):
    size = FEATURE_SIZE // bins
    x = layers.AveragePooling2D(size, strides=size)(features)
    x = layers.Conv2D(8, 1, activation="relu")(x)
    return layers.UpSampling2D(size, interpolation="bilinear")(x)


def segmenter(height=64, width=64, classes=3):
    images = keras.Input(shape=(height, width, 3))
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(images)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    features = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    branches = [features] + [pyramid_branch(features, bins) for bins in (1, 2, 4)]
    x = layers.Concatenate()(branches)
    x = layers.Conv2D(classes, 1)(x)
    x = layers.UpSampling2D(8, interpolation="bilinear")(x)
    return keras.Model(images, layers.Activation("softmax")(x))


model = segmenter()
