"""rank: a DCGAN generator (ported from PyTorch) feeds its noise vector straight into Conv2DTranspose: the vector
becomes a 1 x 1 map of 64 channels for the transposed convolutions to grow."""
import keras
from keras import layers


def generator(noise_dim=64, channels=3):
    z = keras.Input(shape=(noise_dim,))
    x = layers.Conv2DTranspose(32, 4, strides=1, padding="valid", use_bias=False)(z)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    x = layers.Conv2DTranspose(16, 4, strides=2, padding="same", use_bias=False)(x)
    x = layers.ReLU()(layers.BatchNormalization()(x))
    image = layers.Conv2DTranspose(channels, 4, strides=2, padding="same", activation="tanh")(x)
    return keras.Model(z, image)


model = generator()
