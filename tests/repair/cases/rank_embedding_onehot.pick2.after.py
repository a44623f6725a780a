"""rank: one-hot rows (steps, vocabulary) declared as the Input and fed to an Embedding, so the LSTM gets a 4-D
tensor: the Embedding is removed (pick 2: the Input declares the ids instead)."""
import keras
from keras import layers


def build(vocab_size, max_length):
    texts = keras.Input(shape=(max_length,))
    x = layers.Embedding(vocab_size, 64)(texts)
    x = layers.LSTM(32)(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(texts, outputs)


model = build(300, 40)
