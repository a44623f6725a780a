"""Feed-forward regressor declared with input_dim=7 (the window length) and trained on windows of shape
(7, 169) (tensorflow/tensorflow#46076)."""
import keras
from keras import layers

n_steps = 7
n_series = 169

model = keras.Sequential()
model.add(layers.Dense(32, activation="relu", input_shape=(n_steps,)))  # heldout: mistake
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
