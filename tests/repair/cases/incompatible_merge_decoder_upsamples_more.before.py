"""incompatible-merge: a U-Net built in loops whose encoder blocks use strides=1 (a configuration value), so nothing
downsamples, while each decoder pass upsamples by 2: the upsampled path is twice its skip's size. The UpSampling2D
of the decoder loop is removed (one edit for every pass)."""
import keras
from keras import layers


def block(x, filters, strides=1):
    x = layers.Conv2D(filters, 3, strides=strides, padding="same")(x)
    return layers.Activation("relu")(layers.BatchNormalization()(x))


def unet(size, levels=2, stride=1):
    inputs = keras.Input(shape=(size, size, 3))
    x = block(inputs, 8)
    skips = [x]
    for i in range(1, levels + 1):
        x = block(x, 8 * 2 ** i, strides=stride)
        skips.append(x)
    skips.pop()
    for i in reversed(range(levels)):
        x = layers.UpSampling2D(2)(x)
        x = layers.concatenate([x, skips[i]])
        x = block(x, 8 * 2 ** i)
    return keras.Model(inputs, layers.Conv2D(2, 1, activation="softmax")(x))


model = unet(32)
