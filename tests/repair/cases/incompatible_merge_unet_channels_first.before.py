"""incompatible-merge: a channels-first U-Net (the global image data format) on 1x30x30 patches joined on axis 1:
the pooling floors 15 to 7, the upsampled path is 14x14 against its 15x15 skip; it is zero-padded, channels first."""
import keras
from keras import layers

keras.config.set_image_data_format("channels_first")


def unet(channels, size):
    inputs = keras.Input(shape=(channels, size, size))
    c1 = layers.Conv2D(8, 3, activation="relu", padding="same")(inputs)
    p1 = layers.MaxPooling2D(2)(c1)
    c2 = layers.Conv2D(16, 3, activation="relu", padding="same")(p1)
    p2 = layers.MaxPooling2D(2)(c2)
    c3 = layers.Conv2D(32, 3, activation="relu", padding="same")(p2)
    u1 = layers.concatenate([layers.UpSampling2D(2)(c3), c2], axis=1)
    c4 = layers.Conv2D(16, 3, activation="relu", padding="same")(u1)
    u2 = layers.concatenate([layers.UpSampling2D(2)(c4), c1], axis=1)
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(u2)
    return keras.Model(inputs, outputs)


model = unet(1, 30)
