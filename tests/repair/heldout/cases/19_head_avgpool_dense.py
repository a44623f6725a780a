"""Sequence classifier: LSTM(return_sequences) -> TimeDistributed(Dense(1)) -> AveragePooling1D -> Dense(2)."""
from keras.layers import LSTM, AveragePooling1D, Dense, TimeDistributed
from keras.losses import categorical_crossentropy
from keras.models import Sequential
from keras.optimizers import RMSprop

model = Sequential()
model.add(LSTM(24, input_shape=(120, 19), return_sequences=True))  # heldout: mistake
model.add(TimeDistributed(Dense(1)))
model.add(AveragePooling1D(2))  # heldout: mistake
model.add(Dense(2, activation="softmax"))  # heldout: mistake
model.compile(loss=categorical_crossentropy, optimizer=RMSprop(learning_rate=0.01))
