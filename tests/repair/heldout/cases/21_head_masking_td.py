"""Padded variable-length sequences, one label per sequence (97 classes), TimeDistributed softmax head."""
from keras.models import Sequential
from keras.layers import LSTM, Dense, Masking, TimeDistributed

dimension = 128

model = Sequential()
model.add(Masking(mask_value=0.0, input_shape=(None, 100)))
model.add(LSTM(dimension, dropout=0.2, recurrent_dropout=0.2, return_sequences=True))  # heldout: mistake
model.add(TimeDistributed(Dense(97, activation="softmax")))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="adam")
