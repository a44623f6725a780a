"""Stacked-LSTM regressor from a tuner build function: LSTM(return_sequences=False) and Dense repeated in the loop."""
import numpy as np
from tensorflow import keras
from tensorflow.keras.layers import LSTM, Dense, Dropout

trainX = np.zeros((256, 30, 5))  # stands in for the reporter's windowed series (samples, timesteps, features)


def build_model(num_layers=3, input_units=64, lstm_units=32, dense_units=16, learning_rate=1e-3):
    model = keras.Sequential()
    model.add(LSTM(input_units, activation="relu", input_shape=(trainX.shape[1], trainX.shape[2]),
                   return_sequences=True))
    for i in range(num_layers):
        model.add(LSTM(lstm_units, activation="relu", return_sequences=False))  # heldout: mistake
        model.add(Dropout(0.2))
        model.add(Dense(dense_units))  # heldout: mistake
    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    return model


model = build_model()
