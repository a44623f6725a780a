"""DQN Q-network for a custom environment whose state size is a plain int: Input((state_dim))."""
from keras.layers import Dense, Flatten, Input
from keras.models import Model
from keras.optimizers import Adam


def network(state_dim=12, action_dim=4):
    inp = Input((state_dim))  # heldout: mistake
    x = Flatten()(inp)
    x = Dense(64, activation="relu")(x)
    x = Dense(64, activation="relu")(x)
    x = Dense(action_dim, activation="linear")(x)
    return Model(inp, x)


model = network()
model.compile(Adam(learning_rate=0.00025), "mse")
