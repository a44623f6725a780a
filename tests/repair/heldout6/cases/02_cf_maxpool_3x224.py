"""A small image classifier declared for Theano-ordered (3, rows, cols) images (keras-team/keras#3945)."""
import keras
from keras import layers

img_rows, img_cols = 32, 32
num_classes = 4

model = keras.Sequential()
model.add(layers.Conv2D(16, (3, 3), activation="relu", input_shape=(3, img_rows, img_cols)))  # heldout: mistake
model.add(layers.MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation="relu"))
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
