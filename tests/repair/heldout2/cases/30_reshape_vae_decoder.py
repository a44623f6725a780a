"""MNIST variational autoencoder: the decoder's Dense has inputs_decoder * 2 + 1 units, reshaped to 7x7x1.

Source: https://github.com/FelixMohr/Deep-learning-with-Python/issues/7 (TensorFlow layers; written in Keras)
"""
import keras
from keras import layers

n_latent = 8
dec_in_channels = 1
reshaped_dim = (7, 7, dec_in_channels)
inputs_decoder = 49 * dec_in_channels / 2


def encoder(x):
    x = layers.Conv2D(64, 4, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(64, 4, strides=2, padding="same", activation="relu")(x)
    x = layers.Flatten()(x)
    mn = layers.Dense(n_latent)(x)
    sd = layers.Dense(n_latent)(x)
    return mn, sd


def decoder(z):
    x = layers.Dense(int(inputs_decoder), activation="relu")(z)
    x = layers.Dense(int(inputs_decoder * 2 + 1), activation="relu")(x)  # heldout: mistake
    x = layers.Reshape(reshaped_dim)(x)  # heldout: mistake
    x = layers.Conv2DTranspose(64, 4, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(64, 4, strides=1, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="sigmoid")(x)
    return x


inp = keras.Input(shape=(28, 28, 1))
mn, sd = encoder(inp)
z = layers.Add()([mn, sd])
out = decoder(z)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
