"""A composed head that flattens before a Conv1D: the error is at the Conv1D, reached through reduce()."""
from functools import reduce

import keras
from keras import layers


def chain(*steps):
    return reduce(lambda first, then: lambda *args, **kwargs: then(first(*args, **kwargs)), steps)


inputs = keras.Input(shape=(128, 4))
x = chain(layers.Conv1D(16, 5, activation="relu"), layers.MaxPooling1D(2))(inputs)
head = chain(layers.Flatten(), layers.Conv1D(8, 3))  # keras-error
x = head(x)
model = keras.Model(inputs, x)
