"""output-target-mismatch: a BiLSTM tagger whose wrapped LSTM returns only its last step, with a head as wide as
the sequence, trained against one-hot tags per token (batch, 40, 5): the wrapped LSTM keeps its sequence and the
output Dense gets the tags' width."""
import numpy as np
import keras
from keras import layers

max_len = 40
model = keras.Sequential([
    keras.Input((max_len,)),
    layers.Embedding(2000, 32),
    layers.Bidirectional(layers.LSTM(64)),
    layers.Dense(max_len, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.zeros((4, max_len)), np.zeros((4, max_len, 5)))
