"""output-target-mismatch: a per-frame TimeDistributed softmax trained against one label per sequence: the LSTM ends the sequence and the Dense is used directly (a fix of two steps)."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((None, 40)),
    layers.LSTM(128, return_sequences=True),
    layers.TimeDistributed(layers.Dense(97, activation="softmax")),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(np.zeros((4, 30, 40)), np.zeros((4, 97)))
