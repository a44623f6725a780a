"""negative-length: a kernel longer than the sequence, functional."""
import keras
from keras import layers

inputs = keras.Input(shape=(6, 2))
x = layers.Conv1D(
    filters=8,
    kernel_size=9,
    padding="same",
)(inputs)
x = layers.Flatten()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
