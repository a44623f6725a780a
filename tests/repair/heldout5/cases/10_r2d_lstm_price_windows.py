"""LSTM regressor on windows of 60 prices (keras-team/keras issue 1641).

t.LoadData() returns X_train as (n_samples, 60): each row is a window of 60 past prices, the target the next
price.  The LSTM is declared with the window as its feature dimension (Keras 1 input_dim=60).
"""
import keras
from keras import layers

WINDOW = 60


def build_model(input_dim, units=8):
    model = keras.Sequential()
    model.add(layers.LSTM(units, input_shape=(None, input_dim)))  # heldout: mistake
    model.add(layers.Dense(1))
    model.compile(loss="mse", optimizer="sgd")
    return model


model = build_model(WINDOW)
