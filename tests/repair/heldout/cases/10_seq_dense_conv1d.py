"""Functional model: Dense on 7200-long vectors, then Conv1D straight after it."""
from keras.layers import Conv1D, Dense, Input
from keras.models import Model

input_dim = 7200
output_dim = 64

inputs = Input(shape=(input_dim,))  # heldout: mistake
dense1 = Dense(output_dim, activation="relu")(inputs)  # heldout: mistake
conv1 = Conv1D(output_dim, 3, activation="relu")(dense1)  # heldout: mistake
dense2 = Dense(output_dim, activation="relu")(conv1)
model = Model(inputs=inputs, outputs=dense2)
model.compile(optimizer="rmsprop", loss="msle")
