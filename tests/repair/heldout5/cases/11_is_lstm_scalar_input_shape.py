"""LSTM on a scalar input per time step (keras-team/keras issue 4854).

The network takes one scalar (a discrete time index 0, 1, 2, ...) per sample; the reporter tried to give the LSTM
a one-dimensional input_shape.
"""
import keras
from keras import layers

model2 = keras.Sequential()
model2.add(layers.LSTM(32, input_shape=1))  # heldout: mistake
model2.add(layers.Dense(1))
model2.compile(loss="mse", optimizer="adam")

model = model2
