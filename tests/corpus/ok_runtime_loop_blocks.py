"""Depth from the command line: the number of blocks is only known at run time."""
import sys
import keras
from keras import layers

n_blocks = int(sys.argv[1]) if len(sys.argv) > 1 else 2

inputs = keras.Input(shape=(256, 1))
x = layers.Conv1D(32, 3, padding="same", activation="relu")(inputs)
for _ in range(n_blocks):
    x = layers.Conv1D(32, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling1D(2)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
