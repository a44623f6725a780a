"""Subword features (a Conv1D of 16 channels) put before word embeddings of 12 along the time axis."""
import keras
from keras import layers


def tagger(n_subwords=30, n_words=200, n_classes=4):
    subwords = keras.Input(shape=(24,), dtype="int32")
    words = keras.Input(shape=(10,), dtype="int32")
    s = layers.Embedding(n_subwords, 8)(subwords)
    s = layers.Conv1D(16, 3, padding="same", activation="relu")(s)
    w = layers.Embedding(n_words, 12)(words)
    x = layers.Concatenate(axis=1)([s, w])
    x = layers.GlobalAveragePooling1D()(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model([subwords, words], out)


model = tagger()
