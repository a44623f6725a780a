"""Run classifier: LSTM(return_sequences=True) -> TimeDistributed(Dense) -> Dense(1) -> softmax, one label
per run.

Source: https://github.com/keras-team/keras/issues/7509
"""
from keras.models import Sequential
from keras.layers import LSTM, Dropout, TimeDistributed, Dense, Activation

model = Sequential()
model.add(LSTM(32, input_shape=(200, 13), return_sequences=True))  # heldout: mistake
model.add(Dropout(0.2))
model.add(TimeDistributed(Dense(32)))
model.add(Dense(1))  # heldout: mistake
model.add(Activation("softmax"))  # heldout: mistake
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
