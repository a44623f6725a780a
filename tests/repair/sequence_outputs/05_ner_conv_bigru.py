"""NER tagger (functional): Conv1D(same) + BiGRU(return_sequences) + Dense applied to the 3-D sequence (no
TimeDistributed), one-hot tags of shape (batch, maxlen, n_tags)."""
import numpy as np
from keras import layers, models

maxlen = 50
vocab = 8000
n_tags = 9

tokens = layers.Input(shape=(maxlen,), dtype="int32", name="tokens")
x = layers.Embedding(vocab, 64)(tokens)
x = layers.Conv1D(64, 3, padding="same", activation="relu")(x)
x = layers.Bidirectional(layers.GRU(48, return_sequences=True))(x)
x = layers.Dropout(0.3)(x)
tags = layers.Dense(n_tags, activation="softmax", name="tags")(x)
model = models.Model(tokens, tags)
model.compile(optimizer="adam", loss="categorical_crossentropy")

X = np.random.randint(0, vocab, size=(24, maxlen))
Y = np.zeros((24, maxlen, n_tags), dtype="float32")
Y[:, :, 0] = 1.0
model.fit(X, Y, batch_size=8, epochs=1)
