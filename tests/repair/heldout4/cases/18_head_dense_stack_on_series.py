"""A stack of Dense layers on (128, 2) signal windows, expected to give one (2,) output per window."""
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Dense(50, input_shape=(128, 2), kernel_initializer="he_normal", activation="relu"))  # heldout: mistake
model.add(layers.Dense(20, kernel_initializer="he_normal", activation="relu"))
model.add(layers.Dense(5, kernel_initializer="he_normal", activation="relu"))
model.add(layers.Dense(2))  # heldout: mistake
model.compile(loss="mse", optimizer="adam")
