"""Phoneme classifier: three stacked LSTMs on input_shape=(None, 39), trained on one 39-MFCC frame per sample.

Source: https://github.com/keras-team/keras/issues/3046
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense

data_dim = 39
nb_classes = 39

model = Sequential()
model.add(LSTM(32, return_sequences=True, input_shape=(None, data_dim)))  # heldout: mistake
model.add(LSTM(32, return_sequences=True))
model.add(LSTM(32))
model.add(Dense(nb_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
