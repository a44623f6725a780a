"""A game agent whose observations stack the last 4 frames: the Conv2D is declared on the whole stack."""
import keras
from keras import layers


def q_network(height=40, width=32, actions=5):
    model = keras.Sequential()
    model.add(layers.Conv2D(8, (5, 5), strides=(2, 2), activation="relu", input_shape=(4, height, width, 1)))
    model.add(layers.Conv2D(16, (3, 3), activation="relu"))
    model.add(layers.Flatten())
    model.add(layers.Dense(32, activation="relu"))
    model.add(layers.Dense(actions, activation="linear"))
    return model


model = q_network()
