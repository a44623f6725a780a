"""Baseline MNIST CNN built in a function, input_shape=(1, 28, 28) with channels_last defaults."""
import keras
from keras import layers

num_classes = 10


def baseline_model_CNN():
    model = keras.Sequential()
    model.add(layers.Conv2D(32, (5, 5), input_shape=(1, 28, 28), activation="relu"))  # heldout: mistake
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(128, activation="relu"))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = baseline_model_CNN()
