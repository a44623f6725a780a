"""output-target-mismatch: a Conv1D labeller that pools and flattens its 30 steps into one vector, trained against
one label per step (batch, 30, 3): the pooling and the Flatten go, the convolution keeps the length, and the
Dense head applies to each step."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((30, 12)),
    layers.Conv1D(16, 5, activation="relu", padding="same"),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.zeros((2, 30, 12)), np.zeros((2, 30, 3)))
