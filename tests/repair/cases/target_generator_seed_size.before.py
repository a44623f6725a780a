"""output-target-mismatch: a DCGAN generator written for 28 x 28 digits (Dense(64 * 7 * 7) -> Reshape((7, 7, 64)),
two UpSampling2D) trained against 32 x 32 images: the map it starts from becomes 8 x 8, and the Dense as wide."""
import numpy as np
import keras
from keras import layers


def generator(latent_dim=16):
    return keras.Sequential([
        keras.Input((latent_dim,)),
        layers.Dense(64 * 7 * 7, activation="relu"),
        layers.Reshape((7, 7, 64)),
        layers.UpSampling2D(),
        layers.Conv2D(32, 3, padding="same", activation="relu"),
        layers.UpSampling2D(),
        layers.Conv2D(3, 3, padding="same", activation="tanh"),
    ])


model = generator()
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((2, 16)), np.zeros((2, 32, 32, 3)))
