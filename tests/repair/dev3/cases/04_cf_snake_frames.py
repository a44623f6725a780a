"""qlearning4k snake example: a stack of nb_frames grids given as (nb_frames, grid_size, grid_size).

Source: https://github.com/farizrahman4u/qlearning4k/issues/23
"""
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense

grid_size = 10
nb_frames = 4
nb_actions = 5

model = Sequential()
model.add(Conv2D(16, (3, 3), activation="relu", input_shape=(nb_frames, grid_size, grid_size)))  # heldout: mistake
model.add(Conv2D(32, (3, 3), activation="relu"))  # heldout: mistake
model.add(Flatten())
model.add(Dense(256, activation="relu"))
model.add(Dense(nb_actions))
model.compile("sgd", "mse")
