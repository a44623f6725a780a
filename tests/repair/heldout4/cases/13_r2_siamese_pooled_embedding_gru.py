"""Siamese sentence-similarity model: a shared GRU on top of a sentence-embedding layer that already pools the words."""
import keras
from keras import layers, ops

max_len = 20
vocab_size = 500
n_hidden = 32


class SentenceEmbeddingLayer(layers.Layer):
    """Stands in for ElmoEmbeddingLayer: its 'default' output is one mean-pooled vector per sentence."""

    def __init__(self, vocab_size, dimensions=64, **kwargs):
        super().__init__(**kwargs)
        self.embed = layers.Embedding(vocab_size, dimensions)
        self.dimensions = dimensions

    def call(self, x):
        return ops.mean(self.embed(x), axis=1)  # heldout: mistake

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.dimensions)


def exponent_neg_manhattan_distance(tensors):
    left, right = tensors
    return ops.exp(-ops.sum(ops.abs(left - right), axis=1, keepdims=True))


def build_siamese(max_len, vocab_size, n_hidden):
    left_input = keras.Input(shape=(max_len,), dtype="int32")
    right_input = keras.Input(shape=(max_len,), dtype="int32")
    embedding_layer = SentenceEmbeddingLayer(vocab_size)
    encoded_left = embedding_layer(left_input)
    encoded_right = embedding_layer(right_input)
    shared_gru = layers.GRU(n_hidden, name="gru")
    left_output = shared_gru(encoded_left)  # heldout: mistake
    right_output = shared_gru(encoded_right)  # heldout: mistake
    distance = layers.Lambda(exponent_neg_manhattan_distance, output_shape=(1,))([left_output, right_output])
    model = keras.Model([left_input, right_input], distance)
    model.compile(loss="mean_squared_error", optimizer="adam")
    return model


model = build_siamese(max_len, vocab_size, n_hidden)
