"""Extra downsampling enabled by a module flag; the 48-step window cannot take it."""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, GlobalMaxPooling1D, Dense

DOWNSAMPLE = True
STEPS = 48

model = Sequential()
model.add(Conv1D(32, 5, activation="relu", input_shape=(STEPS, 1)))
model.add(MaxPooling1D(4))
if DOWNSAMPLE:
    model.add(MaxPooling1D(4))
    model.add(Conv1D(32, 5, activation="relu"))  # SD102
model.add(GlobalMaxPooling1D())
model.add(Dense(1, activation="sigmoid"))
