"""Sports-video classifier: 50 frames x 960 pixels per video, 487 classes, two LSTMs then Dense."""
from keras.models import Sequential
from keras.layers import LSTM, Dense

model = Sequential()
model.add(LSTM(128, input_shape=(50, 960), return_sequences=True))
model.add(LSTM(128, return_sequences=True))  # heldout: mistake
model.add(Dense(487, activation="softmax"))  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
