"""rank: Conv1D after a Dense whose units are a builder's parameter: the Reshape must fit every call."""
from tensorflow import keras
from tensorflow.keras import layers


def build_model(input_dim, units=64):
    inputs = keras.Input(shape=(input_dim,))
    x = layers.Dense(units, activation="relu")(inputs)
    x = layers.Conv1D(16, 3, activation="relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    return keras.Model(inputs, layers.Dense(1)(x))


small = build_model(20)
large = build_model(20, units=96)
