"""Utterance classifier (frames x 40 features, 11 classes) ending in TimeDistributed(Dense)."""
from keras.models import Sequential
from keras.layers import LSTM, Activation, Dense, Dropout, TimeDistributed

model = Sequential()
model.add(LSTM(128, input_shape=(100, 40), activation="sigmoid", recurrent_activation="hard_sigmoid",
               return_sequences=True))  # heldout: mistake
model.add(Activation("sigmoid"))
model.add(Dropout(0.2))
model.add(TimeDistributed(Dense(11)))  # heldout: mistake
model.add(Activation("softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
