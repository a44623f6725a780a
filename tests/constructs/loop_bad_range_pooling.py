"""Broken: too many pooling steps in a `for _ in range(n)` loop run the sequence down to nothing."""
import keras
from keras import layers

N_BLOCKS = 5

model = keras.Sequential()
model.add(keras.Input(shape=(200, 2)))
for _ in range(N_BLOCKS):
    model.add(layers.Conv1D(32, 3, padding="same", activation="relu"))
    model.add(layers.MaxPooling1D(pool_size=4))
model.add(layers.Flatten())
model.add(layers.Dense(1))
