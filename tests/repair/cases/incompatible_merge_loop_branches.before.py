"""incompatible-merge: TextCNN-style branches, one Conv1D per kernel size made by one call in a loop; their
valid-padded outputs have different lengths and cannot be concatenated on the channels axis."""
import keras
from keras import layers

tokens = keras.Input(shape=(100,), dtype="int32")
embedded = layers.Embedding(20000, 128)(tokens)
branches = []
for kernel_size in (3, 4, 5):
    branches.append(layers.Conv1D(64, kernel_size, activation="relu")(embedded))
x = layers.Concatenate()(branches)
x = layers.GlobalMaxPooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(tokens, outputs)
