"""Handwritten character recogniser: create_model() declares 28x28 characters as (1, 28, 28)."""
import keras
from keras import layers

img_rows, img_cols = 28, 28
num_classes = 36


def create_model(n_classes=num_classes):
    model = keras.Sequential()
    model.add(layers.Conv2D(32, kernel_size=(3, 3), activation="relu", input_shape=(1, img_rows, img_cols)))  # heldout: mistake
    model.add(layers.Conv2D(64, (3, 3), activation="relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(n_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
    return model


model = create_model()
