"""Input(shape=x_train.shape[1:]) of numpy arrays whose shapes are written in the file."""
import numpy as np
import keras
from keras import layers

x_train = np.random.normal(size=(500, 140, 3)).astype("float32")
y_train = np.random.randint(0, 4, size=(500,))
num_classes = 4

inputs = keras.Input(shape=x_train.shape[1:])
x = layers.Conv1D(32, 5, activation="relu")(inputs)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(32, 5, activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)

images = np.zeros((64, 32, 32))[..., np.newaxis]
image_model = keras.Sequential([
    keras.Input(shape=images.shape[1:]),
    layers.Conv2D(8, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(num_classes, activation="softmax"),
])
