# Pooling after the recurrent layer collapsed the time axis
from keras.models import Sequential
from keras.layers import LSTM, MaxPooling1D, Dense

model = Sequential()
model.add(LSTM(64, input_shape=(50, 3)))
model.add(MaxPooling1D(2))  # SD101
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
