"""Price-prediction network of stacked GRU layers, the first without return_sequences.

Source: https://github.com/emirhanai/Cryptocurrency-Prediction-with-Artificial-Intelligence-V3.0-GRU-Neural-Network/issues/2
"""
from keras.models import Sequential
from keras.layers import GRU, Dropout, Dense


def build_gru(look_back, n_features):
    model = Sequential()
    model.add(GRU(64, activation="tanh", input_shape=(look_back, n_features)))  # heldout: mistake
    model.add(Dropout(0.2))
    model.add(GRU(32, activation="tanh"))  # heldout: mistake
    model.add(Dropout(0.2))
    model.add(Dense(1))
    model.compile(optimizer="adam", loss="mean_squared_error")
    return model


model = build_gru(60, 5)
