"""output-target-mismatch: a window classifier of Conv1D layers ending in Dense(16) and a sigmoid Activation, with
no pooling: one 16-wide output per remaining step against one label per window. The steps are pooled, then the
Dense gets the targets' width."""
import numpy as np
import keras
from keras import layers

windows = np.random.rand(64, 24, 1)
labels = np.random.randint(0, 2, (64, 1))

model = keras.Sequential()
model.add(keras.Input(shape=(24, 1)))
model.add(layers.Conv1D(16, 3, activation="relu"))
model.add(layers.Conv1D(16, 3, activation="relu"))
model.add(layers.Dense(16))
model.add(layers.Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(windows, labels, epochs=1, verbose=0)
