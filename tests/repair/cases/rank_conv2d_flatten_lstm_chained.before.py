"""rank: Conv2D feature maps flattened into an LSTM that keeps its sequence, with a (batch, 4) Q-value head:
the LSTM needs steps, and the head then needs the sequence ended."""
import numpy as np
from keras.layers import LSTM, Conv2D, Dense, Flatten
from keras.models import Sequential

model = Sequential()
model.add(Conv2D(8, (3, 3), input_shape=(6, 6, 1), padding="same", activation="relu"))
model.add(Flatten())
model.add(LSTM(16, return_sequences=True))
model.add(Dense(4))
model.compile(loss="mse", optimizer="adam")
model.fit(np.zeros((2, 6, 6, 1)), np.zeros((2, 4)))
