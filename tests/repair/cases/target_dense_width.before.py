"""output-target-mismatch: the output Dense has 10 units, the one-hot targets 4 columns: the output layer gets the
targets' width."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential([keras.Input((16,)), layers.Dense(32, activation="relu"),
                          layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.zeros((4, 16)), np.zeros((4, 4)))
