"""Frame classifier over 10 MFCC frames: two LSTM(512) layers, the first without return_sequences."""
from keras.models import Sequential
from keras.layers import LSTM, Activation, Dense

model = Sequential()
model.add(LSTM(512, input_shape=(10, 13)))  # heldout: mistake
model.add(LSTM(512))  # heldout: mistake
model.add(Dense(1201))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
