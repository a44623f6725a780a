"""Steering-angle net (PilotNet convs) with an LSTM inserted between the fully connected layers."""
from tensorflow.keras.layers import LSTM, Activation, Conv2D, Dense, Dropout, Flatten
from tensorflow.keras.models import Sequential

height, width, channels = 66, 200, 3

model = Sequential()
model.add(Conv2D(24, (5, 5), strides=(2, 2), input_shape=(height, width, channels)))
model.add(Conv2D(36, (5, 5), strides=(2, 2)))
model.add(Conv2D(48, (5, 5), strides=(2, 2)))
model.add(Conv2D(64, (3, 3)))
model.add(Conv2D(64, (3, 3)))
model.add(Flatten())
model.add(Dropout(0.5))
model.add(Dense(1164))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(100))  # heldout: mistake
model.add(Activation("relu"))
model.add(LSTM(64))  # heldout: mistake
model.add(Dense(1))
model.add(Activation("linear"))
model.compile(loss="mse", optimizer="adam")
