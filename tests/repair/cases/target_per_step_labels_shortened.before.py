"""output-target-mismatch: a per-step tagger of 40-step sensor windows whose valid Conv1D (40 -> 36) and
MaxPooling1D(2) (36 -> 18) shorten the steps, against one label per step (batch, 40, 3): the convolution keeps
the length and the pooling goes."""
import numpy as np
import keras
from keras import layers


def tagger(steps, channels, labels):
    model = keras.Sequential([
        keras.Input((steps, channels)),
        layers.Conv1D(16, 5, activation="relu"),
        layers.MaxPooling1D(2),
        layers.GRU(16, return_sequences=True),
        layers.TimeDistributed(layers.Dense(labels, activation="softmax")),
    ])
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


model = tagger(40, 6, 3)
model.fit(np.zeros((2, 40, 6)), np.zeros((2, 40, 3)))
