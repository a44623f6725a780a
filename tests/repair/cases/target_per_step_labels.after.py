"""output-target-mismatch: a tagger whose LSTM ends the sequence while the targets have one label per step: the LSTM keeps its sequence."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((20, 10)),
    layers.LSTM(32, return_sequences=True),
    layers.Dense(88, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(np.zeros((4, 20, 10)), np.zeros((4, 20, 88)))
