"""rank: the batch axis written as None in a recurrent layer's input_shape, (None, steps, features): the LSTM gets
a 4-D input. The fix drops the written None, keeping the other sizes as written."""
from keras.models import Sequential
from keras.layers import LSTM, Bidirectional, Dense

steps, features = 12, 8
model = Sequential()
model.add(Bidirectional(LSTM(32), input_shape=(steps, features)))
model.add(Dense(1, activation="sigmoid"))
