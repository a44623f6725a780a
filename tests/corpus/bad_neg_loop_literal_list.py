# Conv/pool blocks built from a config list; the series is too short for five blocks
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, GlobalAveragePooling1D, Dense

SEQ_LEN = 60
model = Sequential()
model.add(Conv1D(16, 3, activation="relu", input_shape=(SEQ_LEN, 1)))
for n_filters in [32, 64, 128, 256, 512]:
    model.add(MaxPooling1D(2))
    model.add(Conv1D(n_filters, 3, activation="relu"))  # SD102
model.add(GlobalAveragePooling1D())
model.add(Dense(1))
