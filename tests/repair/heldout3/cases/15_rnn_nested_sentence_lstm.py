"""Nested RNN: a sentence-level Sequential (LSTM -> Dense) used as the first layer of a paragraph-level LSTM."""
import keras
from keras import layers

vocab = 8195
n_words = 12

inner_LSTM = keras.Sequential()
inner_LSTM.add(keras.Input(shape=(n_words,), dtype="int32"))
inner_LSTM.add(layers.Embedding(vocab, 50))
inner_LSTM.add(layers.LSTM(70, dropout=0.2, recurrent_dropout=0.2))
inner_LSTM.add(layers.Dense(70))

outer_LSTM = keras.Sequential()
outer_LSTM.add(inner_LSTM)  # heldout: mistake
outer_LSTM.add(layers.LSTM(70, dropout=0.2, recurrent_dropout=0.2))  # heldout: mistake
outer_LSTM.add(layers.Dense(70))
outer_LSTM.compile(loss="mse", optimizer="adam")
model = outer_LSTM
