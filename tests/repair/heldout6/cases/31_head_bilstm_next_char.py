"""Next-character model: embedding, a bidirectional LSTM that returns its sequence, softmax over the vocabulary.

Written from the mmsankosho.com Bidirectional-LSTM tutorial: with return_sequences=True on the (only) recurrent
layer, Dense predicts a distribution per time step while the targets are one next character per window
("Shapes (None, None) and (3500, None, 10500) are incompatible").
"""
import keras
from keras import layers

vocab_size = 40     # len(char_indices)
seq_length = 10
embedding_dim = 16

model = keras.Sequential()
model.add(keras.Input(shape=(seq_length,), dtype="int32"))
model.add(layers.Embedding(vocab_size + 1, embedding_dim, mask_zero=True, trainable=False))
model.add(layers.Bidirectional(layers.LSTM(16, dropout=0.15, return_sequences=True),  # heldout: mistake
                               merge_mode="concat"))
model.add(layers.Dense(vocab_size + 1, activation="softmax"))  # heldout: mistake
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
