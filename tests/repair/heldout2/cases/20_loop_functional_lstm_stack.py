"""Regression model whose depth is a hyperparameter: x = LSTM(units)(x) repeated in a loop.

Source: https://github.com/keras-team/keras-tuner/issues/470
Layer count and sizes (tuned in the report) are fixed to 3 x 32 units.
"""
import keras
from keras import layers


def build_model(n_lstm, units, timesteps=24, n_features=8):
    inputs = keras.Input(shape=(timesteps, n_features))
    x = inputs
    for i in range(n_lstm):
        x = layers.LSTM(units, name=f"lstm_{i}")(x)  # heldout: mistake
        x = layers.Dropout(0.1)(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
    return model


model = build_model(3, 32)
