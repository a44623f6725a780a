"""Encoder-decoder LSTM forecasting 24 future steps of a univariate load series."""
import numpy as np
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import LSTM, RepeatVector, TimeDistributed, Dense

N_IN, N_OUT = 168, 24
X = np.random.rand(300, N_IN, 1)
y = np.random.rand(300, N_OUT, 1)

model = Sequential()
model.add(LSTM(200, activation="relu", input_shape=(N_IN, 1)))
model.add(RepeatVector(N_OUT))
model.add(LSTM(200, activation="relu", return_sequences=True))
model.add(TimeDistributed(Dense(100, activation="relu")))
model.add(TimeDistributed(Dense(1)))
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=20, batch_size=16, verbose=0)
