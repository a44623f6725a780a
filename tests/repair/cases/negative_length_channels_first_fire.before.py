"""negative-length: a SqueezeNet-style model written for channels-first 3 x 48 x 48 inputs, run channels_last: the
pooling runs out of height on the 3 "rows". The fire modules join with keras.layers.concatenate([a, b]) (no axis
written): the channels_first repair writes axis=1 after the tensors, not over them."""
import keras
from keras import layers


def fire(x, squeeze, expand):
    s = layers.Conv2D(squeeze, 1, activation="relu")(x)
    left = layers.Conv2D(expand, 1, activation="relu")(s)
    right = layers.Conv2D(expand, 3, padding="same", activation="relu")(s)
    return layers.concatenate([left, right])


inputs = keras.Input((3, 48, 48))
x = layers.Conv2D(16, 3, strides=2, activation="relu")(inputs)
x = layers.MaxPooling2D(3, strides=2)(x)
x = fire(x, 8, 16)
outputs = layers.Activation("softmax")(layers.GlobalAveragePooling2D()(layers.Conv2D(5, 1)(x)))
model = keras.Model(inputs, outputs)
