"""Two MRI modalities stored (channels, depth, height, width) = (2, 64, 64, 64); every Conv3D and MaxPooling3D
is made by a helper function called once per stage."""
import keras
from keras import layers


def conv_block(x, filters):
    x = layers.Conv3D(filters, 3, padding="same", activation="relu", data_format="channels_first")(x)
    x = layers.Conv3D(filters, 3, padding="same", activation="relu", data_format="channels_first")(x)
    return layers.MaxPooling3D(pool_size=2, data_format="channels_first")(x)


inputs = keras.Input(shape=(2, 64, 64, 64))
x = conv_block(inputs, 8)
x = conv_block(x, 16)
x = conv_block(x, 32)
x = conv_block(x, 64)
x = conv_block(x, 64)
x = layers.GlobalAveragePooling3D(data_format="channels_first")(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
