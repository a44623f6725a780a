"""Layers composed into one callable with functools.reduce (the Darknet-style `compose(conv, norm, act)`), in
both directions, nested, with the convolution's keywords merged by dict.update."""
from functools import reduce

import keras
from keras import layers


def chain(*steps):
    """f, g, h -> h(g(f(x)))"""
    return reduce(lambda first, then: lambda *args, **kwargs: then(first(*args, **kwargs)), steps)


def chain_backwards(*steps):
    """f, g, h -> f(g(h(x)))"""
    return reduce(lambda outer, inner: lambda x: outer(inner(x)), steps)


def conv(filters, kernel_size, **kwargs):
    settings = {"padding": "same", "use_bias": False}
    settings.update(kwargs)
    return layers.Conv2D(filters, kernel_size, **settings)


def conv_bn_act(filters, kernel_size, **kwargs):
    return chain(conv(filters, kernel_size, **kwargs), layers.BatchNormalization(), layers.LeakyReLU(0.1))


def downsample_block(filters):
    return chain(layers.ZeroPadding2D(((1, 0), (1, 0))),
                 conv_bn_act(filters, 3, strides=2, padding="valid"),
                 conv_bn_act(filters // 2, 1))


inputs = keras.Input(shape=(96, 96, 3))
x = conv_bn_act(16, 3)(inputs)
x = downsample_block(32)(x)
x = downsample_block(64)(x)
x = chain_backwards(layers.Dense(10), layers.GlobalAveragePooling2D())(x)
model = keras.Model(inputs, x, name="composed")
model.summary()
