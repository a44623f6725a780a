"""Inverted residual blocks whose skip is guarded by a condition only partly known: `ops.equal` on two sizes, and an
`and`/`or` one side of which is settled by the stride. A strided block never takes the skip, so its mismatched
sizes are never added."""
import keras
import numpy as np
from keras import layers, ops


def inverted_residual(x, expanded, out, strides=1):
    m = layers.Conv2D(expanded, 1, padding="same", use_bias=False)(x)
    m = layers.DepthwiseConv2D(3, strides=strides, padding="same", use_bias=False)(m)
    m = layers.Conv2D(out, 1, padding="same", use_bias=False)(m)
    if ops.equal(x.shape[-1], out) and strides == 1:
        return layers.Add()([m, x])
    return m


def gated_residual(x, out, strides=1):
    m = layers.Conv2D(out, 3, strides=strides, padding="same")(x)
    if not (strides > 1 or np.random.rand() > 2.0):
        return layers.Add()([m, x])
    return m


images = keras.Input(shape=(32, 32, 16))
x = inverted_residual(images, 64, 16)
x = inverted_residual(x, 64, 16, strides=2)
x = gated_residual(x, 16, strides=2)
model = keras.Model(images, layers.GlobalAveragePooling2D()(x))
