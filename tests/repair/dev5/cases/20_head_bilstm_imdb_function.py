"""IMDB sentiment: a Dense on each padded word index, a bidirectional LSTM returning sequences, Dense layers on
every step, binary labels per review; built by biLSTM(input_shape, output_shape).

Source: https://github.com/keras-team/keras/issues/13688
"""
from keras.models import Sequential
from keras.layers import Dense, Dropout, LSTM, Bidirectional

maxlen = 100


def biLSTM(input_shape, output_shape):
    model = Sequential()
    model.add(Dense(64, input_shape=(input_shape, 1), activation="relu"))  # heldout: mistake
    model.add(Bidirectional(LSTM(64, return_sequences=True)))  # heldout: mistake
    model.add(Dropout(0.5))
    model.add(Dense(64, activation="relu"))
    model.add(Dense(output_shape, activation="sigmoid"))  # heldout: mistake
    model.compile("adam", "binary_crossentropy")
    return model


model = biLSTM(maxlen, 1)
