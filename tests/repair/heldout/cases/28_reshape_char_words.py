"""Char-level CNN features per word reshaped to (maxlen, embedding_size) to join a word embedding."""
from keras.layers import LSTM, Conv1D, Dense, Embedding, Input, MaxPooling1D, Reshape, concatenate
from keras.models import Model

max_features = 100       # characters
max_words = 20000
maxlen = 50              # words per sentence
max_charlen = 15         # characters per word
embedding_size = 50
nb_filter = 50
pool_length = 15

char_input = Input(shape=(maxlen * max_charlen,), dtype="int32")
c = Embedding(max_features, embedding_size)(char_input)
c = Conv1D(nb_filter, 3, padding="valid", activation="relu")(c)  # heldout: mistake
c = MaxPooling1D(pool_length)(c)  # heldout: mistake
c = Reshape((maxlen, embedding_size))(c)  # heldout: mistake

word_input = Input(shape=(maxlen,), dtype="int32")
w = Embedding(max_words, 100)(word_input)
merged = concatenate([w, c])
h = LSTM(64)(merged)
out = Dense(1, activation="sigmoid")(h)
model = Model([char_input, word_input], out)
model.compile(loss="binary_crossentropy", optimizer="adam")
