"""Hierarchical RNN for documents (sentences x words) whose word-level LSTM is applied to the whole 4-D
embedding (petrpan26/Aivivn_1#15)."""
import keras
from keras import layers


def HRNN(embeddingMatrix=None, vocab_size=500, embed_size=16, max_sent=5, max_word=12, trainable=True):
    inp = keras.Input(shape=(max_sent, max_word), dtype="int32")
    embed = layers.Embedding(vocab_size, embed_size, trainable=trainable)(inp)  # heldout: mistake
    word_lstm = layers.Bidirectional(layers.LSTM(16))(embed)  # heldout: mistake
    sent_lstm = layers.Bidirectional(layers.LSTM(16))(word_lstm)
    x = layers.Dense(16, activation="relu")(sent_lstm)
    x = layers.Dropout(0.2)(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs=inp, outputs=out)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = HRNN()
