"""Character model: Embedding, then two LSTM layers, the first without return_sequences.

Source: https://github.com/keras-team/keras/issues/160
"""
import keras
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dropout, Dense, Activation

nb_chars = 26  # a..z
nb_nodes = 50
maxlen = 20

model = Sequential()
model.add(keras.Input(shape=(maxlen,)))
model.add(Embedding(nb_chars, nb_chars))
model.add(LSTM(nb_nodes, activation="sigmoid", recurrent_activation="hard_sigmoid"))  # heldout: mistake
model.add(Dropout(0.5))
model.add(LSTM(nb_nodes, activation="sigmoid", recurrent_activation="hard_sigmoid"))  # heldout: mistake
model.add(Dropout(0.5))
model.add(Dense(nb_chars))
model.add(Activation("sigmoid"))
model.add(Dropout(0.5))
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
