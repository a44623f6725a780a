"""POS tagger: BiLSTM over padded sentences, TimeDistributed softmax per token, integer tags of shape
(batch, maxlen) with sparse categorical cross-entropy."""
import numpy as np
from tensorflow.keras.layers import LSTM, Bidirectional, Dense, Embedding, Input, TimeDistributed
from tensorflow.keras.models import Sequential

maxlen = 40
n_words = 5000
n_tags = 17

model = Sequential([
    Input(shape=(maxlen,)),
    Embedding(n_words, 64, mask_zero=True),
    Bidirectional(LSTM(64, return_sequences=True)),
    TimeDistributed(Dense(n_tags, activation="softmax")),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

X = np.random.randint(1, n_words, size=(32, maxlen))
y = np.random.randint(0, n_tags, size=(32, maxlen))
model.fit(X, y, batch_size=16, epochs=1)
