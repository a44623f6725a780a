"""An image classifier ported from Keras 1: Convolution2D(32, 3, 3) became Conv2D(32, 3, 3), whose third argument is
now strides, so each convolution divides the maps by 3."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(48, 48, 1)),
    layers.Conv2D(16, 3, 3, padding="same", activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(32, 3, 3, padding="same", activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Conv2D(64, 3, 3, padding="same", activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Flatten(),
    layers.Dense(7, activation="softmax"),
])
