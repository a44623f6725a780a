"""MNIST-style digit classifier, the classic Keras example."""
import numpy as np
import keras
from keras import layers

num_classes = 10
input_shape = (28, 28, 1)
x_train = np.random.rand(60, 28, 28)
x_train = np.expand_dims(x_train, -1)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
