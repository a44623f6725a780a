"""A decoder helper: UpSampling2D(bilinear) in keras.config.image_data_format(), then a conv, on a small encoder."""
import keras
from keras import layers


def upsample_block(x, filters):
    x = keras.layers.UpSampling2D(size=(2, 2), data_format=keras.config.image_data_format(),
                                  interpolation="bilinear")(x)
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return x


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(inputs)
x = layers.Conv2D(64, 3, strides=2, padding="same", activation="relu")(x)
x = upsample_block(x, 32)
x = upsample_block(x, 16)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
