# A second convolution block added after the Flatten by mistake
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense

model = Sequential()
model.add(Conv1D(32, 3, activation="relu", input_shape=(100, 1)))
model.add(MaxPooling1D(2))
model.add(Flatten())
model.add(Conv1D(64, 3, activation="relu"))  # SD101
model.add(Dense(10, activation="softmax"))
