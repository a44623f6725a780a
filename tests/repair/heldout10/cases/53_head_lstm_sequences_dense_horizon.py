"""Day-ahead forecaster on one week of hourly readings (168 steps x 3 features) predicting the next 24 hours: the
simplified model keeps return_sequences=True on its only LSTM and puts Dense(24) straight on the sequence, so it
predicts (None, 168, 24) against (None, 24) targets (www.whosebug.com 5759754, Chinese mirror of the Stack Overflow
question "Keras error Incompatible shapes: [32,168,24] vs. [32,24]"; the answer: set return_sequences to False on
the LSTM that feeds the output layer)."""
import keras
from keras import layers


def build_forecaster(window=7 * 24, n_features=3, horizon=24, units=8):
    model = keras.Sequential(name="day_ahead")
    model.add(keras.Input(shape=(window, n_features)))
    model.add(layers.LSTM(units, return_sequences=True))  # heldout: mistake
    model.add(layers.Dense(horizon))  # heldout: mistake
    model.compile(loss="mean_squared_error", optimizer="adam", metrics=["mse"])
    return model


model = build_forecaster()
