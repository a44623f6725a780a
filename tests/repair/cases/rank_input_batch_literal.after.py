"""rank: the batch size written as the first axis of an LSTM's input_shape, (1, 6, 30): the LSTM gets a 4-D input;
the safe fix drops the written batch axis and keeps the other sizes as written."""
from keras.models import Sequential
from keras.layers import LSTM, Dense

steps, features = 6, 30
model = Sequential()
model.add(LSTM(64, input_shape=(steps, features)))
model.add(Dense(1))
