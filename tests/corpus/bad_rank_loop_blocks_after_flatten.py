"""Blocks appended in a loop; the Flatten was meant to go after the loop."""
from keras import layers, models

model = models.Sequential()
model.add(layers.Conv1D(32, 3, activation="relu", input_shape=(96, 1)))
model.add(layers.Flatten())
for filters in [32, 64]:
    model.add(layers.Conv1D(filters, 3, activation="relu"))  # SD101
    model.add(layers.MaxPooling1D(2))
model.add(layers.Dense(1))
