"""negative-length: a builder whose window length is a parameter, called with 4 steps for a kernel of 5; fix 3
edits the literal at the call (the error depends on it), not the model."""
from tensorflow import keras
from tensorflow.keras import layers


def build_model(n_steps=16, n_features=3):
    model = keras.Sequential([
        layers.Input(shape=(n_steps, n_features)),
        layers.Conv1D(32, 5, activation="relu"),
        layers.GlobalAveragePooling1D(),
        layers.Dense(1),
    ])
    model.compile(loss="mse", optimizer="adam")
    return model


model = build_model(n_steps=5)
