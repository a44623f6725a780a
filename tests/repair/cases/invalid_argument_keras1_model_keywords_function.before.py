"""Written for Keras 1: the functional model's tensors passed as input= and output=, which Keras 3 refuses
("Unrecognized keyword arguments passed to Model")."""
import numpy as np
import keras
from keras import layers


def build_autoencoder(n_features, code_size):
    inputs = keras.Input(shape=(n_features,))
    code = layers.Dense(code_size, activation="relu")(inputs)
    decoded = layers.Dense(n_features, activation="sigmoid")(code)
    autoencoder = keras.Model(input=inputs, output=decoded)
    autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
    return autoencoder


x = np.random.rand(64, 32).astype("float32")
autoencoder = build_autoencoder(32, 8)
autoencoder.fit(x, x, epochs=1)
