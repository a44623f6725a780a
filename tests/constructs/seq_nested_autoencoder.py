"""Encoder and decoder functional models nested into an autoencoder by calling them on tensors."""
import keras
from keras import layers

latent_dim = 16

encoder_inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(32, 3, activation="relu", strides=2, padding="same")(encoder_inputs)
x = layers.Conv2D(64, 3, activation="relu", strides=2, padding="same")(x)
x = layers.Flatten()(x)
latent = layers.Dense(latent_dim, name="latent")(x)
encoder = keras.Model(encoder_inputs, latent, name="encoder")

latent_inputs = keras.Input(shape=(latent_dim,))
x = layers.Dense(7 * 7 * 64, activation="relu")(latent_inputs)
x = layers.Reshape((7, 7, 64))(x)
x = layers.Conv2DTranspose(64, 3, activation="relu", strides=2, padding="same")(x)
x = layers.Conv2DTranspose(32, 3, activation="relu", strides=2, padding="same")(x)
decoder_outputs = layers.Conv2DTranspose(1, 3, activation="sigmoid", padding="same")(x)
decoder = keras.Model(latent_inputs, decoder_outputs, name="decoder")

image = keras.Input(shape=(28, 28, 1), name="image")
reconstruction = decoder(encoder(image))
autoencoder = keras.Model(image, reconstruction, name="autoencoder")
