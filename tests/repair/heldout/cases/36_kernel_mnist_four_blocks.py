"""Four valid-padded conv/pool blocks on 28 x 28 digits: the fourth 3x3 conv meets a 1x1 map."""
from keras import layers, models

model = models.Sequential()
model.add(layers.Conv2D(16, (3, 3), activation="relu", input_shape=(28, 28, 1)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation="relu"))  # heldout: mistake
model.add(layers.MaxPooling2D((2, 2)))  # heldout: mistake
model.add(layers.Conv2D(128, (3, 3), activation="relu"))  # heldout: mistake
model.add(layers.MaxPooling2D((2, 2)))  # heldout: mistake
model.add(layers.Flatten())
model.add(layers.Dense(10, activation="softmax"))
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
