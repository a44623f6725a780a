"""rank: a functional Conv1D stack whose Flatten/Dense head sits inside the loop body."""
import keras
from keras import layers

inputs = keras.Input(shape=(200, 1))
x = inputs
for size in (64, 32):
    x = layers.Conv1D(size, 5, activation="relu")(x)
    x = layers.MaxPooling1D(2)(x)
x = layers.Flatten()(x)
x = layers.Dense(1)(x)
model = keras.Model(inputs, x, name="regressor")
