"""output-target-mismatch: the last LSTM keeps return_sequences=True before a per-sample head."""
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

x = np.zeros((32, 10, 4))
y = np.zeros((32, 1))
model = Sequential([
    LSTM(16, return_sequences=True, input_shape=(10, 4)),
    LSTM(8, return_sequences=True),
    Dense(1),
])
model.compile(loss="mse", optimizer="adam")
model.fit(x, y)
