"""U-Net with optional residual concatenations around each conv block, on channels-first tensors.

Written from pietz/unet-keras#1: UNet((3, 256, 256), out_ch=3, residual=True) on a Theano setup (channels-first
image ordering) fails in conv_block: the residual Concatenate joins the block input and output on the default
last axis, which is a spatial axis of channels-first tensors.
"""
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")  # the reporter's Theano keras.json


def conv_block(m, dim, acti, bn, res, do=0):
    n = layers.Conv2D(dim, 3, activation=acti, padding="same")(m)
    n = layers.BatchNormalization(axis=1)(n) if bn else n
    n = layers.Dropout(do)(n) if do else n
    n = layers.Conv2D(dim, 3, activation=acti, padding="same")(n)
    n = layers.BatchNormalization(axis=1)(n) if bn else n
    return layers.Concatenate()([m, n]) if res else n  # heldout: mistake


def level_block(m, dim, depth, inc, acti, do, bn, res):
    if depth > 0:
        n = conv_block(m, dim, acti, bn, res)
        m = layers.MaxPooling2D()(n)
        m = level_block(m, int(inc * dim), depth - 1, inc, acti, do, bn, res)
        m = layers.UpSampling2D()(m)
        m = layers.Conv2D(dim, 2, activation=acti, padding="same")(m)
        n = layers.Concatenate()([n, m])  # heldout: mistake
        m = conv_block(n, dim, acti, bn, res)
    else:
        m = conv_block(m, dim, acti, bn, res, do)
    return m


def UNet(img_shape, out_ch=1, start_ch=8, depth=2, inc_rate=2.0, activation="relu", dropout=0.5,
         batchnorm=False, residual=False):
    i = keras.Input(shape=img_shape)
    o = level_block(i, start_ch, depth, inc_rate, activation, dropout, batchnorm, residual)
    o = layers.Conv2D(out_ch, 1, activation="sigmoid")(o)
    return keras.Model(inputs=i, outputs=o)


model = UNet((3, 32, 32), out_ch=3, dropout=0.15, residual=True)
model.compile(optimizer="adam", loss="binary_crossentropy")
