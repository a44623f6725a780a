"""DQN model for SpaceInvaders whose Conv2D is declared for a window of 3 frames, (3, h, w, c)
(nicknochnack/KerasRL-OpenAI-Atari-SpaceInvadersv0#1)."""
import keras
from keras import layers


def build_model(h, w, c, actions):
    model = keras.Sequential()
    model.add(layers.Conv2D(16, (7, 7), strides=(3, 3), activation="relu",  # heldout: mistake
                            input_shape=(3, h, w, c)))  # heldout: mistake
    model.add(layers.Conv2D(32, (5, 5), activation="relu"))
    model.add(layers.Conv2D(32, (3, 3), activation="relu"))
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dense(32, activation="relu"))
    model.add(layers.Dense(actions, activation="linear"))
    return model


h, w, c = 64, 48, 3
actions = 6
model = build_model(h, w, c, actions)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="mse")
