"""LSTM sequence autoencoder whose decoder LSTM is stacked on the encoder's last state (keras-team/keras#1401)."""
import keras
from keras import layers


def build_autoencoder(timesteps=10, input_dim=5, latent_dim=3):
    model = keras.Sequential()
    encoded = layers.LSTM(latent_dim, input_shape=(timesteps, input_dim))  # heldout: mistake
    model.add(encoded)
    decoded = layers.LSTM(input_dim, return_sequences=True)  # heldout: mistake
    model.add(decoded)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


model = build_autoencoder()
