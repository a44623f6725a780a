"""Token embeddings scaled by the square root of their width, as transformers do: `ops.sqrt(ops.cast(width,
"float32"))` of a width passed to a helper, and of a layer attribute in a custom layer's call()."""
import keras
from keras import layers, ops


class ScaledEmbedding(layers.Layer):
    def __init__(self, vocabulary, width, **kwargs):
        super().__init__(**kwargs)
        self.width = width
        self.embedding = layers.Embedding(vocabulary, width)

    def call(self, tokens):
        return self.embedding(tokens) * ops.sqrt(ops.cast(self.width, "float32"))


def encoder(width, heads):
    tokens = keras.Input(shape=(12,), dtype="int32")
    x = layers.Embedding(100, width)(tokens)
    x = x * ops.cast(ops.sqrt(width), x.dtype)
    x = x * ops.sqrt(ops.cast(heads, "float32"))
    x = layers.Dense(8)(x)
    return keras.Model(tokens, x)


model = encoder(16, 4)
tokens = keras.Input(shape=(10,), dtype="int32")
custom = keras.Model(tokens, layers.GlobalAveragePooling1D()(ScaledEmbedding(50, 24)(tokens)))
