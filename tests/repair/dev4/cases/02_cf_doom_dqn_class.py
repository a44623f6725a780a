"""Doom DQN agent: the Q-network of a class method declared on (history, rows, cols) frames, channels_last layers.

Source: https://github.com/itaicaspi/keras-dqn-doom/issues/4
"""
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense
from keras.optimizers import Adam


class DQNAgent:
    def __init__(self, history_length, rows, cols, nb_actions):
        self.history_length = history_length
        self.rows = rows
        self.cols = cols
        self.nb_actions = nb_actions
        self.model = self.build_model()

    def build_model(self):
        model = Sequential()
        model.add(Conv2D(16, (3, 3), strides=(2, 2), activation="relu",
                         input_shape=(self.history_length, self.rows, self.cols)))  # heldout: mistake
        model.add(Conv2D(32, (3, 3), strides=(2, 2), activation="relu"))  # heldout: mistake
        model.add(Flatten())
        model.add(Dense(64, activation="relu"))
        model.add(Dense(self.nb_actions))
        model.compile(loss="mse", optimizer=Adam(learning_rate=0.00025))
        return model


agent = DQNAgent(history_length=4, rows=60, cols=80, nb_actions=3)
model = agent.model
