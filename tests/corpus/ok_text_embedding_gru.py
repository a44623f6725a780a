"""Sentiment classifier: embedding + bidirectional GRU over padded token ids."""
import tensorflow as tf
from tensorflow.keras import layers

VOCAB = 20000
MAXLEN = 200

inputs = tf.keras.Input(shape=(MAXLEN,), dtype="int32")
x = layers.Embedding(VOCAB, 128)(inputs)
x = layers.Bidirectional(layers.GRU(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.GRU(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = tf.keras.Model(inputs, outputs)
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
