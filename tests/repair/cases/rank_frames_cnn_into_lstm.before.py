"""rank: a CNN written for one 24 x 24 frame, flattened into an LSTM that should read a clip of 6 frames
(targets one value per frame): every layer before the LSTM runs on each frame inside TimeDistributed, and the
input gets the frames axis the data has."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Conv2D(8, (3, 3), activation="relu", input_shape=(24, 24, 1)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Dropout(0.2))
model.add(layers.Flatten())
model.add(layers.LSTM(16, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(1)))
model.compile(loss="mse", optimizer="adam")
model.fit(np.zeros((2, 6, 24, 24, 1)), np.zeros((2, 6, 1)))
