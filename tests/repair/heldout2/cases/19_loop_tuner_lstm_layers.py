"""Keras-Tuner style builder adding a tunable number of LSTM layers in a loop, none returning sequences.

Source: https://github.com/keras-team/keras-tuner/issues/443
The tuner's hp.Int values are fixed here (2 layers of 64 units) so the file runs without keras_tuner.
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense, Input


def build_model(num_layers, units, timesteps=30, n_features=5):
    model = Sequential()
    model.add(Input(shape=(timesteps, n_features)))
    for i in range(num_layers):
        model.add(LSTM(units, activation="relu"))  # heldout: mistake
    model.add(Dense(1))
    model.compile(optimizer="adam", loss="mse")
    return model


model = build_model(num_layers=2, units=64)
