"""LSTM with input_shape=(batch_size, feature_size) on a (samples, features) table, TimeDistributed Dense(15).

Source: https://github.com/keras-team/keras/issues/1159
"""
from keras.models import Sequential
from keras.layers import LSTM, TimeDistributed, Dense, Activation

batch_size = 30
feature_size = 12
n_labels = 15

model = Sequential()
model.add(LSTM(5, return_sequences=True, input_shape=(batch_size, feature_size)))  # heldout: mistake
model.add(TimeDistributed(Dense(n_labels)))  # heldout: mistake
model.add(Activation("linear"))  # heldout: mistake
model.compile(loss="mean_squared_error", optimizer="rmsprop")
