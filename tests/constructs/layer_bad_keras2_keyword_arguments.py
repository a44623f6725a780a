"""A stateful LSTM written for Keras 2: its batch size and input given as ``batch_input_shape=`` on the layer,
which Keras 3 no longer takes ('Unrecognized keyword arguments passed to LSTM'); Keras 3 wants
``keras.Input(batch_shape=(1, 3, 1))`` before it."""
import numpy as np
import keras
from keras import layers

look_back = 3
model = keras.Sequential()
model.add(layers.LSTM(4, batch_input_shape=(1, look_back, 1), stateful=True))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(np.zeros((8, look_back, 1)), np.zeros((8, 1)), epochs=1, batch_size=1, verbose=0, shuffle=False)
