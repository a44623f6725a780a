"""An LSTM sandwiched between two Dense layers on flat feature vectors, built by a function.

Source: https://github.com/keras-team/keras/issues/7457
"""
from keras.models import Sequential
from keras.layers import Dense, LSTM


def build_model(n_features, n_hidden, n_out):
    model = Sequential()
    model.add(Dense(n_hidden, activation="relu", input_dim=n_features))  # heldout: mistake
    model.add(LSTM(n_hidden))  # heldout: mistake
    model.add(Dense(n_out, activation="sigmoid"))
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model


model = build_model(20, 32, 1)
