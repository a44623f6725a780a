"""rank: Flatten before an LSTM whose sequence the Dense head keeps, trained against (batch, 5) targets: removing the Flatten alone leaves (None, 20, 5); the fix also ends the sequence."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((20, 4)),
    layers.Flatten(),
    layers.LSTM(32, return_sequences=True),
    layers.Dense(5, activation="softmax"),
])
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(np.zeros((8, 20, 4)), np.zeros((8, 5)))
