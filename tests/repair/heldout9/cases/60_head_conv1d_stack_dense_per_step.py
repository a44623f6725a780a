"""Binary classifier on windows of 32 values: four Conv1D(32, 2) layers and then Dense + sigmoid, with no
Flatten or pooling, so the sigmoid is applied at each of the 28 remaining steps and the model outputs
(None, 28, 32) against one label per window (tutoriales.edu.lat, Spanish copy of the Stack Overflow question
"Keras dimensionality in convolutional layer mismatch"; the answer: the Dense on a 3-D tensor keeps the steps,
use one output unit and a Flatten)."""
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(32, 1)))
model.add(layers.Conv1D(32, 2))
model.add(layers.Activation("relu"))
model.add(layers.Conv1D(32, 2))
model.add(layers.Activation("relu"))
model.add(layers.Conv1D(32, 2))
model.add(layers.Activation("relu"))
model.add(layers.Conv1D(32, 2))
model.add(layers.Activation("relu"))
model.add(layers.Dense(32))  # heldout: mistake
model.add(layers.Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
