"""Spectrogram frames flattened then reshaped back with the wrong frame count."""
import numpy as np
from keras.models import Sequential
from keras.layers import Flatten, Dense, Reshape, LSTM

N_FRAMES = 40
N_MELS = 64
X = np.zeros((8, N_FRAMES, N_MELS))

model = Sequential()
model.add(Flatten(input_shape=X.shape[1:]))
model.add(Dense(N_FRAMES * 32, activation="relu"))
model.add(Reshape((N_FRAMES, 16)))  # SD103
model.add(LSTM(16))
model.add(Dense(1))
