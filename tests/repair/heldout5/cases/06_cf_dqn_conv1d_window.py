"""DQN with a 1-D convolution on a gym block world (keras-rl/keras-rl pull request 250).

keras-rl's SequentialMemory(window_length=1) stacks each observation as (window_length,) + observation shape, so
the network sees (1, n_obs) samples.
"""
import keras
from keras import layers

WINDOW_LENGTH = 1
N_OBS = 16
N_ACTIONS = 4


def build_q_network(window_length, n_obs, nb_actions):
    model = keras.Sequential()
    model.add(layers.Conv1D(16, 5, activation="relu", input_shape=(window_length, n_obs)))  # heldout: mistake
    model.add(layers.Conv1D(16, 3, activation="relu"))
    model.add(layers.Flatten())
    model.add(layers.Dense(32, activation="relu"))
    model.add(layers.Dense(nb_actions, activation="linear"))
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="mse")
    return model


model = build_q_network(WINDOW_LENGTH, N_OBS, N_ACTIONS)
