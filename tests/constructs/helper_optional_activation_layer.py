"""A helper whose activation is a layer object passed as an argument (a default LeakyReLU, or None), tested with
`if activation:`; and a Resizing whose size is given as *TARGET_SIZE."""
import keras
from keras import layers

TARGET_SIZE = (24, 20)


def conv_block(x, filters, activation=layers.LeakyReLU(0.2)):
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    if activation:
        x = activation(x)
    return x


inputs = keras.Input(shape=(None, None, 3))
x = layers.Resizing(*TARGET_SIZE, interpolation="bilinear")(inputs)
x = conv_block(x, 8)
x = conv_block(x, 8, activation=None)
x = conv_block(x, 4, activation=layers.Activation("relu"))
model = keras.Model(inputs, layers.Flatten()(x))
