"""Character-level LSTM (last state only) followed by a word-level LSTM and a 62-d tanh output.

Source: https://github.com/keras-team/keras/issues/7403 (code of the 2017-09-04 comment)
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense, Input

data_dim = 60
timesteps = 40
out_vec_size = 62

model = Sequential()
model.add(Input(shape=(timesteps, data_dim)))
model.add(LSTM(timesteps, return_sequences=False))  # heldout: mistake
model.add(LSTM(out_vec_size))  # heldout: mistake
model.add(Dense(out_vec_size, activation="tanh"))

model.compile(loss="mse", optimizer="rmsprop")
