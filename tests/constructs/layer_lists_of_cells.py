"""Layers given a list of layers: RNN over a list of cells, StackedRNNCells, Pipeline; ReversibleEmbedding
called again with reverse=True (the projection back to the vocabulary, tied weights)."""
import keras
from keras import layers

inputs = keras.Input((10, 8))
stacked = layers.RNN([layers.LSTMCell(16), layers.LSTMCell(4)], return_sequences=True)(inputs)
gru = layers.RNN(layers.StackedRNNCells([layers.GRUCell(6), layers.GRUCell(3)]))(inputs)
piped = layers.Pipeline([layers.Dense(5), layers.Dense(2)])(inputs)
embedding = layers.ReversibleEmbedding(100, 12)
tokens = keras.Input((7,), dtype="int32")
hidden = embedding(tokens)
logits = embedding(hidden, reverse=True)
model = keras.Model([inputs, tokens], [stacked, gru, piped, logits])
