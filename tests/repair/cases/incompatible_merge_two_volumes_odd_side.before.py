"""Two volumes (moving and fixed) registered by a U-Net of stride-2 convolutions; one side is not a multiple of 8."""
import keras
from keras import layers

volume = (16, 16, 20)


def registration_unet(volume):
    moving = keras.Input(shape=(*volume, 1))
    fixed = keras.Input(shape=(*volume, 1))
    x0 = layers.concatenate([moving, fixed])
    x1 = layers.Conv3D(4, 3, strides=2, padding="same")(x0)
    x2 = layers.Conv3D(8, 3, strides=2, padding="same")(x1)
    x3 = layers.Conv3D(8, 3, strides=2, padding="same")(x2)
    x = layers.UpSampling3D()(x3)
    x = layers.concatenate([x, x2])
    x = layers.Conv3D(8, 3, padding="same")(x)
    x = layers.UpSampling3D()(x)
    x = layers.concatenate([x, x1])
    x = layers.Conv3D(4, 3, padding="same")(x)
    x = layers.UpSampling3D()(x)
    flow = layers.Conv3D(3, 3, padding="same")(x)
    return keras.Model([moving, fixed], flow)


model = registration_unet(volume)
