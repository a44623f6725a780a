"""Next-value regressor: Dense(512, input_dim=X.shape[1]) on flat rows, then stacked LSTMs.

Source: https://github.com/keras-team/keras/issues/915
"""
from keras.models import Sequential
from keras.layers import Dense, Dropout, LSTM

n_steps = 119

qrnn = Sequential()
qrnn.add(Dense(64, input_shape=(n_steps,)))  # heldout: mistake
qrnn.add(Dropout(0.5))
qrnn.add(LSTM(64, return_sequences=True))  # heldout: mistake
qrnn.add(Dropout(0.2))
qrnn.add(LSTM(64, return_sequences=False))
qrnn.add(Dense(1))
qrnn.compile(loss="mse", optimizer="rmsprop")
model = qrnn
