"""A generator class configured by a types.SimpleNamespace (argparse-style settings): its build() reads the
filters, input shape and sizes from self.conf."""
import types

import keras
from keras import layers


class Generator:
    def __init__(self, conf):
        self.conf = conf

    def build(self):
        inputs = keras.Input(shape=self.conf.input_shape)
        x = layers.Conv2D(self.conf.filters, 3, strides=2, padding="same")(inputs)
        x = layers.Conv2D(self.conf.filters * 2, 3, strides=2, padding="same")(x)
        x = layers.Conv2DTranspose(self.conf.filters, 3, strides=2, padding="same")(x)
        x = layers.Conv2DTranspose(self.conf.out_channels, 3, strides=2, padding="same")(x)
        self.model = keras.Model(inputs, x, name=self.conf.name)
        return self.model


conf = types.SimpleNamespace(name="gen", filters=4, input_shape=(32, 24, 1))
conf.out_channels = 2
model = Generator(conf).build()
