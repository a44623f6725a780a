"""negative-length: channels-first 3 x 48 x 48 faces through an inception block joined on the last axis: the
pooling runs out of height on the 3 "rows". Every layer reads channels first, and the Concatenate joins axis 1."""
import keras
from keras import layers


def block(x):
    a = layers.Conv2D(8, 1, padding="same", data_format="channels_first")(x)
    b = layers.Conv2D(8, 3, padding="same", data_format="channels_first")(x)
    c = layers.MaxPooling2D(3, strides=1, padding="same", data_format="channels_first")(x)
    return layers.concatenate([a, b, c], axis=1)


inputs = keras.Input((3, 48, 48))
x = layers.Conv2D(16, 7, strides=2, padding="same", data_format="channels_first")(inputs)
x = layers.MaxPooling2D(3, strides=2, data_format="channels_first")(x)
x = block(x)
outputs = layers.Dense(8)(layers.GlobalAveragePooling2D(data_format="channels_first")(x))
model = keras.Model(inputs, outputs)
