"""Speech-file classifier: two LSTM(return_sequences=True) layers and a time-distributed Dense(10) softmax, one label per file.

Source: https://github.com/keras-team/keras/issues/1540
"""
from keras.models import Sequential
from keras.layers import LSTM, TimeDistributed, Dense, Activation

timesteps = 99
n_features = 13
hidden_units = 32
nb_classes = 10

model = Sequential()
model.add(LSTM(hidden_units, activation="tanh", recurrent_activation="sigmoid", return_sequences=True,
               input_shape=(timesteps, n_features)))
model.add(LSTM(hidden_units, activation="tanh", recurrent_activation="sigmoid", return_sequences=True))  # heldout: mistake
model.add(TimeDistributed(Dense(nb_classes)))  # heldout: mistake
model.add(Activation("softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
