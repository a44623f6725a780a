"""reshape-size: the target holds more values than the input."""
from keras import Sequential, layers

model = Sequential(
    [
        layers.Input(shape=(64,)),
        layers.Reshape((-1, 16)),
        layers.Conv1D(4, 3),
        layers.Flatten(),
        layers.Dense(1),
    ]
)
