"""Sequence tagger: X_train (2560, 69) word ids, Y_train (2560, 69, 3); BiLSTM without return_sequences and
Dense(max_len).

Source: https://github.com/keras-team/keras/issues/9233
"""
from keras.models import Sequential
from keras.layers import Embedding, Bidirectional, LSTM, Dense, Input

vocab_size = 5000
embedding_dim = 50
max_len = 69

m = Sequential([
    Input(shape=(max_len,)),
    Embedding(vocab_size + 1, embedding_dim, trainable=False),
    Bidirectional(LSTM(150, activation="relu")),  # heldout: mistake
    Dense(150, activation="relu"),
    Dense(max_len, activation="sigmoid"),  # heldout: mistake
])
m.compile(loss="categorical_crossentropy", optimizer="adam")
model = m
