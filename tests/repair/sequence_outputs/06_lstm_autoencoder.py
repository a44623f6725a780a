"""LSTM sequence autoencoder: encoder state repeated over time (RepeatVector), decoder LSTM, per-step
reconstruction; trained with the input as its own target."""
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense, RepeatVector, TimeDistributed

timesteps = 30
n_features = 4

model = Sequential()
model.add(LSTM(64, activation="relu", input_shape=(timesteps, n_features)))
model.add(RepeatVector(timesteps))
model.add(LSTM(64, activation="relu", return_sequences=True))
model.add(TimeDistributed(Dense(n_features)))
model.compile(optimizer="adam", loss="mse")

sequences = np.random.rand(32, timesteps, n_features).astype("float32")
model.fit(sequences, sequences, epochs=1, verbose=0)
