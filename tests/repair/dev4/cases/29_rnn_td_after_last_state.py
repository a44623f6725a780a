"""Word tagger: two LSTMs, the second returning only its last state, then TimeDistributed Dense softmax
over per-word tags.

Source: https://github.com/keras-team/keras/issues/1677
"""
from keras.models import Sequential
from keras.layers import LSTM, Dropout, TimeDistributed, Dense

vocab_dim = 30
maxlen = 20
nb_classes = 4

model = Sequential()
model.add(LSTM(32, return_sequences=True, input_shape=(maxlen, vocab_dim)))
model.add(Dropout(0.2))
model.add(LSTM(32, return_sequences=False))  # heldout: mistake
model.add(Dropout(0.2))
model.add(TimeDistributed(Dense(nb_classes, activation="softmax")))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
