# Stacked LSTM, many-to-one: predict next value from 60 past steps (stock-price tutorial)
import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense, Dropout

look_back = 60
X_train = np.random.rand(1000, look_back)
X_train = np.reshape(X_train, (X_train.shape[0], X_train.shape[1], 1))
y_train = np.random.rand(1000)

regressor = Sequential()
regressor.add(LSTM(units=50, return_sequences=True, input_shape=(X_train.shape[1], 1)))
regressor.add(Dropout(0.2))
regressor.add(LSTM(units=50, return_sequences=True))
regressor.add(Dropout(0.2))
regressor.add(LSTM(units=50))
regressor.add(Dropout(0.2))
regressor.add(Dense(units=1))
regressor.compile(optimizer="adam", loss="mean_squared_error")
regressor.fit(X_train, y_train, epochs=100, batch_size=32)
