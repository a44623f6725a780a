"""The same autoencoder whose decoder ends with a Conv2D, as in an image autoencoder: the Reshape back to the
shape before the Flatten gives (batch, steps, 4), which has no channels axis for it, whatever the series."""
import os
import tempfile

import numpy as np
import keras

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "x.npy"), np.zeros((30, 64, 2), dtype="float32"))


def build_autoencoder(input_shape, latent_space_dim=16):
    input_layer = keras.layers.Input(input_shape)
    x = keras.layers.Conv1D(4, 5, padding="same", activation="relu")(input_layer)
    shape_before_flatten = x.shape[1:]
    x = keras.layers.Flatten()(x)
    latent = keras.layers.Dense(latent_space_dim)(x)
    encoder = keras.Model(inputs=input_layer, outputs=latent, name="encoder")

    decoder_input = keras.layers.Input((latent_space_dim,))
    y = keras.layers.Dense(units=int(np.prod(shape_before_flatten)))(decoder_input)
    y = keras.layers.Reshape(target_shape=shape_before_flatten)(y)
    y = keras.layers.Conv2D(filters=input_shape[-1], kernel_size=1)(y)
    decoder = keras.Model(inputs=decoder_input, outputs=y, name="decoder")
    return encoder, decoder


x_train = np.load(os.path.join(DATA_DIR, "x.npy"))
encoder, decoder = build_autoencoder(x_train.shape[1:])
