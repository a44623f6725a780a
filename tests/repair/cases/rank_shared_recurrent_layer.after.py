"""rank: one GRU object shared by both branches of a siamese model, each branch a pooled sentence vector: the
Reshape that gives the GRU a steps axis goes before each of its two calls, so both branches build."""
import keras
from keras import layers


def build_siamese(length, vocabulary):
    left = keras.Input(shape=(length,), dtype="int32")
    right = keras.Input(shape=(length,), dtype="int32")
    embed = layers.Embedding(vocabulary, 24)
    pool = layers.GlobalAveragePooling1D()
    encoder = layers.GRU(16)
    left_vector = encoder(layers.Reshape((24, 1))(pool(embed(left))))
    right_vector = encoder(layers.Reshape((24, 1))(pool(embed(right))))
    merged = layers.concatenate([left_vector, right_vector])
    score = layers.Dense(1, activation="sigmoid")(merged)
    return keras.Model([left, right], score)


model = build_siamese(12, 300)
