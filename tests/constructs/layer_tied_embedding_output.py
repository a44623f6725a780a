"""A language model whose output layer is its input embedding, transposed (weight tying): the same layer object
called again with `reverse=True` reads `self.token_embeddings.embeddings`, a (vocabulary, width) weight."""
import keras
from keras import layers, ops


class PositionalEmbedding(layers.Layer):
    def __init__(self, sequence_length, input_dim, output_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_embeddings = layers.Embedding(input_dim, output_dim)
        self.position_embeddings = layers.Embedding(sequence_length, output_dim)

    def call(self, inputs, reverse=False):
        if reverse:
            token_embeddings = self.token_embeddings.embeddings
            return ops.matmul(inputs, ops.transpose(token_embeddings))
        positions = ops.cumsum(ops.ones_like(inputs), axis=-1) - 1
        return self.token_embeddings(inputs) + self.position_embeddings(positions)


inputs = keras.Input(shape=(None,), dtype="int32")
embedding = PositionalEmbedding(64, 1000, 32)
x = embedding(inputs)
x = layers.LayerNormalization()(x)
x = layers.Dense(32, activation="relu")(x)
outputs = embedding(x, reverse=True)
model = keras.Model(inputs, outputs)
