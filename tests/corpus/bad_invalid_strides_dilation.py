"""Dilated and strided at once: Keras rejects the layer when it is created."""
from keras.models import Sequential
from keras.layers import Conv1D, GlobalAveragePooling1D, Dense

model = Sequential()
model.add(Conv1D(32, 3, activation="relu", input_shape=(500, 1)))
model.add(Conv1D(32, 3, strides=2, dilation_rate=2, activation="relu"))  # SD107
model.add(GlobalAveragePooling1D())
model.add(Dense(1))
