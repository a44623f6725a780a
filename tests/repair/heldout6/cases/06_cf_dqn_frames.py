"""Atari DQN agent with the four stacked frames as the first axis of the input (tokb23/dqn#4)."""
import keras
from keras import layers

STATE_LENGTH = 4
FRAME_WIDTH = 84
FRAME_HEIGHT = 84


class Agent:
    def __init__(self, num_actions):
        self.num_actions = num_actions
        self.q_network = self.build_network()

    def build_network(self):
        model = keras.Sequential()
        model.add(layers.Conv2D(16, (8, 8), strides=(4, 4), activation="relu",
                                input_shape=(STATE_LENGTH, FRAME_WIDTH, FRAME_HEIGHT)))  # heldout: mistake
        model.add(layers.Conv2D(32, (4, 4), strides=(2, 2), activation="relu"))
        model.add(layers.Conv2D(32, (3, 3), strides=(1, 1), activation="relu"))
        model.add(layers.Flatten())
        model.add(layers.Dense(128, activation="relu"))
        model.add(layers.Dense(self.num_actions))
        model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=2.5e-4), loss="mse")
        return model


agent = Agent(num_actions=3)
model = agent.q_network
