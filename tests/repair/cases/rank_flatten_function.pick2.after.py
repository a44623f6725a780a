"""rank: Conv1D after Flatten, inside a function, aliased layer import."""
from tensorflow.keras.layers import Conv1D as C1, Dense, Flatten, Reshape
from tensorflow.keras.models import Sequential


def build(steps=20, channels=3):
    model = Sequential()
    model.add(Flatten(input_shape=(steps, channels)))
    model.add(Reshape((20, 3)))
    model.add(C1(32, 3, activation="relu"))
    model.add(Flatten())
    model.add(Dense(1, activation="sigmoid"))
    return model
