"""Regression network meant to be "two feed-forward layers and then a recurrent layer": two Dense layers on a
flat vector of 23 features feed a SimpleRNN directly, so the recurrent layer receives a 2-D (batch, units) tensor
instead of a (batch, timesteps, features) sequence (whosebug.com 1660419, Chinese mirror of the Stack Overflow
question "merging recurrent layers with dense layer in Keras": "Input 0 is incompatible with layer simplernn_11:
expected ndim=3, found ndim=2")."""
import keras
from keras import layers


def build_model(n_features=23, hidden=(16, 8), rnn_units=2):
    model = keras.Sequential(name="ff_then_rnn")
    model.add(keras.Input(shape=(n_features,)))
    model.add(layers.Dense(hidden[0], kernel_initializer="random_normal", activation="relu"))
    model.add(layers.Dense(hidden[1], kernel_initializer="random_normal", activation="relu"))
    model.add(layers.SimpleRNN(rnn_units, kernel_initializer="random_normal"))  # heldout: mistake
    model.compile(loss="mean_squared_error", optimizer="rmsprop")
    return model


model = build_model()
