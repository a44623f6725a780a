"""Stacked LSTM regressor (return_sequences on every LSTM but the last) whose first layer is declared with the whole
training array's shape [3805, 19, 4], samples included, so Keras builds a 4-D input for the LSTM
(ageron/handson-ml#404)."""
import keras
import numpy as np
from keras import layers


def build_rnn(input_shape, n_units=(16, 16, 8)):
    model = keras.Sequential()
    model.add(keras.Input(shape=input_shape))  # heldout: mistake
    for units in n_units[:-1]:
        model.add(layers.LSTM(units, return_sequences=True))
    model.add(layers.LSTM(n_units[-1]))
    model.add(layers.Dense(1))
    model.compile(loss="mse", optimizer="adam")
    return model


X_train = np.zeros((300, 19, 4), dtype="float32")  # 3805 windows of 19 steps x 4 features in the report
model = build_rnn(input_shape=X_train.shape)  # heldout: mistake
