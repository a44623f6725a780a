"""Token tagger with self-attention: embeddings + MultiHeadAttention + LayerNormalization + a softmax per token,
integer tags (batch, maxlen) with sparse categorical cross-entropy."""
import numpy as np
import keras
from keras import layers

maxlen = 32
vocab_size = 2000
embed_dim = 32
n_tags = 5

inputs = layers.Input(shape=(maxlen,))
x = layers.Embedding(vocab_size, embed_dim)(inputs)
attn = layers.MultiHeadAttention(num_heads=2, key_dim=embed_dim)(x, x)
x = layers.LayerNormalization(epsilon=1e-6)(x + attn)
ffn = layers.Dense(64, activation="relu")(x)
ffn = layers.Dense(embed_dim)(ffn)
x = layers.LayerNormalization(epsilon=1e-6)(x + ffn)
outputs = layers.Dense(n_tags, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

x_train = np.random.randint(0, vocab_size, size=(24, maxlen))
y_train = np.random.randint(0, n_tags, size=(24, maxlen))
model.fit(x_train, y_train, batch_size=8, epochs=1)
