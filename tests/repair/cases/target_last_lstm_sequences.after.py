"""output-target-mismatch: the last layer is an LSTM that returns every step, trained against one value per
sequence: the LSTM returns its last state and a Dense(1) is appended."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input((20, 4)))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.LSTM(16, return_sequences=False))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 20, 4)), np.zeros((4, 1)))
