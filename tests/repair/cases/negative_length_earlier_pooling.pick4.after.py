"""negative-length: four poolings halve a 28x28 map; the last valid Conv2D gets a 1x1 map."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
