"""A pyramid pooling branch whose pool size and strides are the map size divided by a factor, rounded with numpy
(``int(np.round(float(h) / factor))``): the branches are pooled to 1, 2, 3 and 6 cells and resized back."""
import numpy as np
import keras
from keras import layers


def pool_block(feats, pool_factor):
    h = feats.shape[1]
    w = feats.shape[2]
    pool_size = strides = [int(np.round(float(h) / pool_factor)), int(np.round(float(w) / pool_factor))]
    x = layers.AveragePooling2D(pool_size, strides=strides, padding="same")(feats)
    x = layers.Conv2D(8, (1, 1), use_bias=False)(x)
    return layers.UpSampling2D(strides)(x)


inputs = keras.Input((18, 18, 4))
pooled = [inputs] + [pool_block(inputs, factor) for factor in (1, 2, 3, 6)]
outputs = layers.Concatenate()(pooled)
model = keras.Model(inputs, outputs)
