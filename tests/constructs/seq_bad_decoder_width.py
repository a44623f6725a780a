"""Broken: a decoder model expecting a 16-d code is called on a 32-d encoder output."""
import keras
from keras import layers

enc_in = keras.Input(shape=(100,))
code = layers.Dense(32, activation="relu")(enc_in)
encoder = keras.Model(enc_in, code, name="encoder")

dec_in = keras.Input(shape=(16,))
recon = layers.Dense(100, activation="sigmoid")(dec_in)
decoder = keras.Model(dec_in, recon, name="decoder")

x = keras.Input(shape=(100,))
autoencoder = keras.Model(x, decoder(encoder(x)))
