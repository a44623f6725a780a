"""Multi-label frame tagging: a many-to-one LSTM stack while y_train is (batch, timestep, 88).

Source: https://github.com/keras-team/keras/issues/5630
"""
from keras.models import Sequential
from keras.layers import LSTM, Dense
from keras.optimizers import SGD

timestep = 20
n = 120

model = Sequential()
model.add(LSTM(200, return_sequences=True, input_shape=(timestep, n)))
model.add(LSTM(200))  # heldout: mistake
model.add(Dense(88, activation="sigmoid"))  # heldout: mistake
sgd = SGD(learning_rate=0.001, momentum=0.9, nesterov=True, clipnorm=5.0)
model.compile(loss="binary_crossentropy", optimizer=sgd)
