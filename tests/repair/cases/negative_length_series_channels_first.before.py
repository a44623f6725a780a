"""negative-length: 6 sensor channels of 200 samples declared as (6, 200): the rows are taken for steps."""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, GlobalAveragePooling1D, Dense

model = Sequential()
model.add(Conv1D(32, 3, activation="relu", input_shape=(6, 200)))
model.add(MaxPooling1D(2))
model.add(Conv1D(32, 3, activation="relu"))
model.add(GlobalAveragePooling1D())
model.add(Dense(4, activation="softmax"))
