"""Talos model function: GRU with input_shape=(None, n_features) trained on a (samples, features) table.

Source: https://github.com/autonomio/talos/issues/47
"""
import numpy as np
from keras.models import Sequential
from keras.layers import GRU, Dropout, Dense
from keras.optimizers import Adam

x_train = np.zeros((64, 21), dtype="float32")
y_train = np.zeros((64, 2), dtype="float32")
params = {"first_neuron": 16, "dropout": 0.2, "activation": "relu", "last_activation": "sigmoid"}


def iris_model(x_train, y_train, params):
    model = Sequential()
    model.add(GRU(params["first_neuron"], input_shape=(None, x_train.shape[1]),  # heldout: mistake
                  activation=params["activation"]))
    model.add(Dropout(params["dropout"]))
    model.add(Dense(y_train.shape[1], activation=params["last_activation"]))
    model.compile(optimizer=Adam(), loss="mae")
    return model


model = iris_model(x_train, y_train, params)
