"""UNet2D class for MRI reconstruction: skip concatenations fail when the image side is not divisible by 2**depth.

Source: https://github.com/g2archie/UNet-MRI-Reconstruction/issues/16
"""
import keras
from keras import layers


class UNet2D:
    def __init__(self, input_shape, depth=3, n_filters=8):
        self.input_shape = input_shape
        self.depth = depth
        self.n_filters = n_filters

    def conv_block(self, x, filters):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)

    def build(self):
        inp = keras.Input(shape=self.input_shape)
        x = inp
        levels = []
        for d in range(self.depth):
            x = self.conv_block(x, self.n_filters * 2 ** d)
            levels.append(x)
            x = layers.MaxPooling2D(2)(x)
        x = self.conv_block(x, self.n_filters * 2 ** self.depth)
        for d in reversed(range(self.depth)):
            up = layers.Conv2DTranspose(self.n_filters * 2 ** d, 2, strides=2, padding="same")(x)
            x = layers.concatenate([levels[d], up], axis=-1)  # heldout: mistake
            x = self.conv_block(x, self.n_filters * 2 ** d)
        out = layers.Conv2D(1, 1)(x)
        return keras.Model(inp, out)


model = UNet2D(input_shape=(50, 50, 1)).build()  # heldout: mistake
model.compile(optimizer="adam", loss="mse")
