"""A hierarchical review classifier: ids of (sentences, words); the word-level LSTM gets every sentence at once."""
import keras
from keras import layers


def review_model(n_sentences=6, n_words=10, vocabulary=300):
    ids = keras.Input(shape=(n_sentences, n_words), dtype="int32")
    words = layers.Embedding(vocabulary, 12)(ids)
    sentences = layers.TimeDistributed(layers.LSTM(16))(words)
    document = layers.LSTM(16)(sentences)
    outputs = layers.Dense(1, activation="sigmoid")(document)
    return keras.Model(ids, outputs)


model = review_model()
