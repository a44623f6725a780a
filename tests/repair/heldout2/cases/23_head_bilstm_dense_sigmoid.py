"""Movie-review classifier: Bidirectional(LSTM(return_sequences=True)) then Dense layers, labels of shape (64,).

Source: https://github.com/lovedlim/tensorflow/issues/15
"""
from keras import Sequential
from keras.layers import Dense, LSTM, Embedding, Bidirectional, Input

vocab_size = 10000
max_len = 74


def create_model():
    model = Sequential([
        Input(shape=(max_len,)),
        Embedding(vocab_size, 32),
        Bidirectional(LSTM(32, return_sequences=True)),  # heldout: mistake
        Dense(32, activation="relu"),
        Dense(1, activation="sigmoid"),  # heldout: mistake
    ])
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = create_model()
