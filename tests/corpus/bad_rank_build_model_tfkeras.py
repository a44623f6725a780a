"""Sensor classifier factory; Dense before Conv1D inside build_model (defaults are used)."""
from tensorflow import keras


def build_model(n_steps=128, n_features=3, n_classes=6):
    inp = keras.layers.Input(shape=(n_steps, n_features))
    x = keras.layers.Flatten()(inp)
    x = keras.layers.Dense(128, activation="relu")(x)
    x = keras.layers.Conv1D(64, 3, activation="relu")(x)  # SD101
    x = keras.layers.GlobalAveragePooling1D()(x)
    out = keras.layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_model()
