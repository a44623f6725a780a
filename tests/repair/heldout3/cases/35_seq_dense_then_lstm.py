"""Denoising autoencoder FC -> FC -> LSTM -> FC -> FC on windows of 20 steps, declared as input_shape=(1,)."""
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Dense(5, input_shape=(1,)))  # heldout: mistake
model.add(layers.Dense(10))
model.add(layers.LSTM(32))  # heldout: mistake
model.add(layers.Dropout(0.3))
model.add(layers.Dense(5))
model.add(layers.Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
