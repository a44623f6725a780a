"""Binary image classifier on 50x50 grey images that ends with the third Conv2D: no Flatten / Dense head.

Source: https://github.com/tensorflow/tensorflow/issues/28442
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(50, 50, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), activation="relu"))  # heldout: mistake

model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
