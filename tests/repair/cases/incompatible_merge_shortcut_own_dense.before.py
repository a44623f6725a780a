"""A tabular residual block: the shortcut's own Dense was given the width of the block's input."""
import keras
from keras import layers


def residual_mlp(n_features=20, width=48):
    inputs = keras.Input(shape=(n_features,))
    hidden = layers.Dense(width, activation="relu")(inputs)
    hidden = layers.Dense(width)(hidden)
    shortcut = layers.Dense(n_features)(inputs)
    x = layers.Add()([hidden, shortcut])
    x = layers.Activation("relu")(x)
    outputs = layers.Dense(1)(x)
    return keras.Model(inputs, outputs)


model = residual_mlp()
