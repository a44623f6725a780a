"""A small CNN whose (13, 13, C) feature map is reshaped straight into 4 boxes x 10 values for a box-regression
target.

Source: https://openillumi.com/?p=67236
"""
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Reshape

model = Sequential()
model.add(Input(shape=(52, 52, 3)))
model.add(Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(32, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), padding="same", activation="relu"))
model.add(Reshape((4, 10)))  # heldout: mistake
model.compile(optimizer="adam", loss="mse")
