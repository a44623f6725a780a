"""Binary text classifier: Embedding, LSTM(return_sequences=True), TimeDistributed Dense(1), sigmoid.

Source: https://github.com/keras-team/keras/issues/1452
"""
import keras
from keras.models import Sequential
from keras.layers import Embedding, LSTM, TimeDistributed, Dense, Activation

Vocab_size = 1000
Vocab_dim = 16
max_sequence_length = 40

model = Sequential()
model.add(keras.Input(shape=(max_sequence_length,)))
model.add(Embedding(Vocab_size, Vocab_dim))
model.add(LSTM(32, return_sequences=True, activation="tanh", recurrent_activation="hard_sigmoid"))  # heldout: mistake
model.add(TimeDistributed(Dense(1)))  # heldout: mistake
model.add(Activation("sigmoid"))  # heldout: mistake
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
