"""Image classifier whose Conv2D layers declare input_shape for half-size images while the generator yields
full-size ones (keras-team/keras#19367)."""
import keras
from keras.layers import Conv2D, Dense, Flatten, MaxPool2D
from keras.models import Sequential

num_classes = 4

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", padding="same", input_shape=(32, 32, 3)))  # heldout: mistake
model.add(MaxPool2D((2, 2)))
model.add(Conv2D(16, (3, 3), activation="relu", padding="same", input_shape=(32, 32, 3)))  # heldout: mistake
model.add(MaxPool2D((2, 2)))
model.add(Flatten())
model.add(Dense(64, activation="relu"))  # heldout: mistake
model.add(Dense(num_classes, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
