"""Multi-scale conv branches with valid padding give different lengths; concat on channels fails."""
import keras
from keras import layers

inp = keras.Input(shape=(128, 1))
b3 = layers.Conv1D(16, 3, activation="relu")(inp)
b5 = layers.Conv1D(16, 5, activation="relu")(inp)
b7 = layers.Conv1D(16, 7, activation="relu")(inp)
x = layers.concatenate([b3, b5, b7])  # SD106
x = layers.GlobalAveragePooling1D()(x)
out = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inp, out)
