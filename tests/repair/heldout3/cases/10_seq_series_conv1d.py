"""Traffic-flow estimator: a window of 30 readings declared as a flat vector, then Conv1D."""
import keras
from keras import layers


def build_model(window):
    series_input = keras.Input(shape=(window,), name="series_input")  # heldout: mistake
    x = layers.Conv1D(32, 3, activation="relu", padding="same")(series_input)  # heldout: mistake
    x = layers.MaxPooling1D(2)(x)
    x = layers.Conv1D(32, 3, activation="relu", padding="same")(x)
    x = layers.GlobalAveragePooling1D()(x)
    x = layers.Dense(16, activation="relu")(x)
    out = layers.Dense(1, name="flow")(x)
    model = keras.Model(series_input, out)
    model.compile(loss="mse", optimizer="adam")
    return model


model = build_model(30)
