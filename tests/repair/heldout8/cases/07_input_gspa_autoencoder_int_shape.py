"""Dense autoencoder of gene signals whose Input is declared with shape=(data.shape[1]), an int in parentheses
rather than a 1-tuple (KrishnaswamyLab/Gene-Signal-Pattern-Analysis#2, gspa/embedding.py run_ae)."""
import keras
import numpy as np


def build_ae(data, act="relu", bias=1, dim=128, num_layers=2, dropout=0.0, lr=0.001):
    input = keras.Input(shape=(data.shape[1]))  # heldout: mistake
    encoded = keras.layers.Dense(dim * 2, activation=act, use_bias=bias)(input)
    if dropout > 0:
        encoded = keras.layers.Dropout(dropout)(encoded)
    for i in range(num_layers - 2):
        encoded = keras.layers.Dense(dim * 2, activation=act, use_bias=bias)(encoded)
        if dropout > 0:
            encoded = keras.layers.Dropout(dropout)(encoded)
    encoded = keras.layers.Dense(dim, activation="linear", use_bias=bias)(encoded)

    decoded = keras.layers.Dense(dim * 2, activation=act, use_bias=bias)(encoded)
    for i in range(num_layers - 2):
        decoded = keras.layers.Dense(dim * 2, activation=act, use_bias=bias)(decoded)
    decoded = keras.layers.Dense(data.shape[1], activation="linear", use_bias=bias)(decoded)

    autoencoder = keras.Model(input, decoded)
    autoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate=lr), loss="mean_squared_error")
    return autoencoder


# gene signals after the PCA step of gspa (n_components up to 2048)
data = np.zeros((40, 64), dtype="float32")
model = build_ae(data, dim=16)
