"""Frame classifier: windows of 20 steps x 36 features with one one-hot label per step, but the 1-D CNN pools to one."""
import keras
from keras import layers

nfeat, kernel, timeStep = 36, 8, 20

model = keras.Sequential()
model.add(layers.Conv1D(8, kernel, activation="relu", input_shape=(timeStep, nfeat)))  # heldout: mistake
model.add(layers.MaxPooling1D(4))  # heldout: mistake
model.add(layers.Flatten())  # heldout: mistake
model.add(layers.Dense(10, activation="tanh"))
model.add(layers.Dense(2, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
