"""Character vocabulary read from a text file at run time: Embedding and Dense sizes come from len(vocab)."""
import os
import tempfile

import numpy as np
import keras
from keras import layers

data_dir = tempfile.mkdtemp()
path = os.path.join(data_dir, "corpus.txt")
rng = np.random.default_rng(0)
with open(path, "w") as f:
    f.write("".join(rng.choice(list("abcdefghijklmnop .,"), size=2000)))

vocab = sorted(set(open(path).read()))
char_to_index = {c: i for i, c in enumerate(vocab)}
sequence_length = 40

inputs = keras.Input(shape=(sequence_length,), dtype="int32")
x = layers.Embedding(input_dim=len(vocab), output_dim=int(len(vocab) ** 0.5))(inputs)
x = layers.LSTM(64)(x)
outputs = layers.Dense(len(vocab), activation="softmax")(x)
model = keras.Model(inputs, outputs)  # data-dependent: 1
