"""A builder module that sets its axis constants with `global` in a function called before building (Keras 1-era
ResNet code), and a stack that takes one width or a list of widths (`isinstance(widths, (list, tuple))`)."""
import keras
from keras import layers

ROWS, COLS, CHANNELS = None, None, None


def _set_axes():
    global ROWS, COLS, CHANNELS
    if keras.config.image_data_format() == "channels_last":
        ROWS, COLS, CHANNELS = 1, 2, 3
    else:
        CHANNELS, ROWS, COLS = 1, 2, 3


def block(x, width):
    y = layers.Conv2D(width, 3, padding="same")(x)
    y = layers.BatchNormalization(axis=CHANNELS)(y)
    if x.shape[CHANNELS] != width:
        x = layers.Conv2D(width, 1)(x)
    return layers.Add()([x, y])


def build(widths, depth=3):
    _set_axes()
    inputs = keras.Input((24, 20, 3))
    x = inputs
    for i in range(depth):
        width = widths[i] if isinstance(widths, (list, tuple)) else widths
        x = block(x, width)
        x = layers.MaxPooling2D()(x)
    pooled = layers.AveragePooling2D(pool_size=(x.shape[ROWS], x.shape[COLS]))(x)
    return keras.Model(inputs, layers.Dense(4)(layers.Flatten()(pooled)))


model = build([6, 8, 12])
uniform = build(5)
