"""MNIST CNN whose input_shape is np.shape(X) -- the batch axis included."""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, Dense, Flatten, MaxPooling2D

X = np.zeros((600, 28, 28, 1), dtype="float32")  # stands in for the training images, shape (n, 28, 28, 1)

s = np.shape(X)
model = Sequential()
model.add(Conv2D(10, kernel_size=(5, 5), activation="relu", input_shape=s))  # heldout: mistake
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
