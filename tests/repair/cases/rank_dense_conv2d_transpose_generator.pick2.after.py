"""A DCGAN-style generator: the Dense that should seed a 7 x 7 x 64 feature map feeds Conv2DTranspose directly."""
import keras
from keras import layers

latent_dim = 100
generator = keras.Sequential([
    keras.Input(shape=(latent_dim,)),
    layers.Dense(7 * 7 * 64, activation="relu"),
    layers.Reshape((56, 56, 1)),
    layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu"),
    layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid"),
])
