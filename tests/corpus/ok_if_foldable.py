"""Model with optional attention-free pooling head chosen by a module-level flag."""
from keras.models import Sequential
from keras.layers import Conv1D, GlobalAveragePooling1D, Flatten, MaxPooling1D, Dense

USE_GAP = True
SEQ_LEN = 100

model = Sequential()
model.add(Conv1D(32, 3, activation="relu", input_shape=(SEQ_LEN, 2)))
model.add(MaxPooling1D(2))
if USE_GAP:
    model.add(GlobalAveragePooling1D())
else:
    model.add(Flatten())
model.add(Dense(3, activation="softmax"))
