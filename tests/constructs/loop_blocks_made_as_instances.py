"""A stack of six user blocks made in a loop (`self.blocks.append(Block(...))`) before any is called, each making
its layers in build(): making a user layer is model code, so the loop is unrolled to its end rather than cut short
as a data loop after four passes that made no layer object, and every block, each of its own width, is checked."""
import keras
from keras import layers


class Block(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):  # its layers are made once it knows its input, as ShiftViT's blocks are
        self.dense = layers.Dense(self.units, activation="relu")
        self.norm = layers.LayerNormalization()

    def call(self, x):
        return self.norm(self.dense(x))


class Tower(keras.Model):
    def __init__(self, widths, classes):
        super().__init__()
        self.blocks = []
        for width in widths:
            self.blocks.append(Block(width))
        self.head = layers.Dense(classes)

    def call(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)


tower = Tower([64, 48, 40, 32, 24, 16], classes=5)
tower.build((None, 20))
