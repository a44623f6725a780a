"""Character model: LSTMs returning sequences added in a loop, then a TimeDistributed Dense softmax over the
vocabulary, trained on one next-character target per sample.

Source: https://github.com/keras-team/keras/issues/815
"""
from keras.models import Sequential
from keras.layers import Input, LSTM, Dropout, TimeDistributed, Dense, Activation

maxlen = 20
vocab = 28
hidden_size = 32
dropout = 0.2
LAYERS = 2

model = Sequential()
model.add(Input(shape=(maxlen, vocab + 2)))
for _ in range(LAYERS):
    model.add(LSTM(hidden_size, return_sequences=True))  # heldout: mistake
    model.add(Dropout(dropout))
model.add(TimeDistributed(Dense(vocab + 2)))  # heldout: mistake
model.add(Activation("softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
