"""Two LSTMs stacked without return_sequences on the first.

Source: https://stackoverflow.com/questions/40331510/how-to-stack-multiple-lstm-in-keras
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense

time_steps = 12
vector_size = 8

model = Sequential()
model.add(LSTM(32, input_shape=(time_steps, vector_size)))  # heldout: mistake
model.add(LSTM(32))  # heldout: mistake
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
