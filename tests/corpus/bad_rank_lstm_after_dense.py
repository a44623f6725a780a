"""Energy forecasting: a Dense 'embedding' of the features, then an LSTM (wrong rank)."""
import numpy as np
from keras.models import Sequential
from keras.layers import Dense, LSTM

N_FEATURES = 14
X = np.random.rand(365, N_FEATURES)

model = Sequential()
model.add(Dense(32, activation="relu", input_dim=N_FEATURES))
model.add(LSTM(16))  # SD101
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
