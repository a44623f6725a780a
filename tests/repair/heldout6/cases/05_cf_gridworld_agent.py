"""Grid-world agent network with the frame stack in front of the grid (CanePunma/Multi_Agent_Deep_Reinforcement_Learning#1)."""
import keras
from keras import layers


def loadModel(grid_size, n_frames=4, n_actions=4):
    model = keras.Sequential()
    model.add(layers.Conv2D(32, (3, 3), activation="relu", input_shape=(n_frames, grid_size, grid_size)))  # heldout: mistake
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))  # heldout: mistake
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dense(n_actions))
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
    return model


model = loadModel(grid_size=10)
