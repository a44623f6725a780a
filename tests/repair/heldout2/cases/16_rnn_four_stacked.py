"""Four stacked LSTM(100) layers on (1, 90) sequences, none returning sequences.

Source: https://github.com/keras-team/keras/issues/2721
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense

embedim = 2 + 88

model = Sequential()
model.add(LSTM(100, input_shape=(1, embedim)))  # heldout: mistake
model.add(LSTM(100))  # heldout: mistake
model.add(LSTM(100))
model.add(LSTM(100))
model.add(Dense(embedim, activation="sigmoid"))

model.compile(loss="binary_crossentropy", optimizer="adam")
