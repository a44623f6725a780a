"""output-target-mismatch: a binary image classifier that ends on its last Conv2D (no Flatten / Dense head), trained
against one 0/1 label per image: the head is appended after the last layer, with the loss's sigmoid."""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(32, 32, 1)))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.zeros((4, 32, 32, 1)), np.zeros((4, 1)))
