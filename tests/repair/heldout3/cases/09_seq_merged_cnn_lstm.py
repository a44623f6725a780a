"""Two 1-D CNN branches (flattened) are concatenated and handed to an LSTM."""
import keras
from keras import layers


def cnn_branch(inp, nbfilter):
    x = layers.Conv1D(nbfilter, 7, padding="valid", activation="relu")(inp)
    x = layers.MaxPooling1D(3)(x)
    x = layers.Dropout(0.5)(x)
    return layers.Flatten()(x)  # heldout: mistake


def get_cnn_network(seq_len=60, n_channels=4, nbfilter=16):
    seq_a = keras.Input(shape=(seq_len, n_channels), name="seq_a")
    seq_b = keras.Input(shape=(seq_len, n_channels), name="seq_b")
    merged = layers.concatenate([cnn_branch(seq_a, nbfilter), cnn_branch(seq_b, nbfilter)], axis=-1)
    x = layers.LSTM(nbfilter * 2, return_sequences=False)(merged)  # heldout: mistake
    x = layers.Dense(nbfilter * 2, activation="relu")(x)
    out = layers.Dense(2, activation="softmax")(x)
    model = keras.Model([seq_a, seq_b], out)
    model.compile(loss="categorical_crossentropy", optimizer="adam")
    return model


model = get_cnn_network()
