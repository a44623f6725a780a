"""Functional LSTM regressor whose Input is declared with all three axes of the training array,
(size, seq, feature), as the LSTM's (size, seq, feature) description suggests: the LSTM then receives a 4-D
(None, size, seq, feature) tensor; the author's fix is to keep only (seq, feature) in the Input shape and leave the
size to fit() (yougome.tistory.com/558, a Korean blog note on the Input -> LSTM shape error)."""
import keras
from keras import layers


def build_lstm(data_size, seq_len, n_features, units=1):
    inputs = keras.Input(shape=(data_size, seq_len, n_features))  # heldout: mistake
    outputs = layers.LSTM(units)(inputs)  # heldout: mistake
    return keras.Model(inputs, outputs)


model = build_lstm(500, 10, 3)
model.compile(optimizer="adam", loss="mse")
