"""Reversing digit strings of 9 into answers of 4: a per-step head on the question's 9 steps."""
import numpy as np
import keras
from keras import layers

questions = np.zeros((64, 9, 12))
answers = np.zeros((64, 4, 12))
model = keras.Sequential([
    keras.Input(shape=(9, 12)),
    layers.GRU(32, return_sequences=True),
    layers.TimeDistributed(layers.Dense(12, activation="softmax")),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(questions, answers)
