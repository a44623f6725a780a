"""Variable-length ECG records: Flatten cannot give Dense a fixed size."""
import keras
from keras import layers

inp = keras.Input(shape=(None, 1))
x = layers.Conv1D(32, 5, activation="relu")(inp)
x = layers.MaxPooling1D(2)(x)
x = layers.Flatten()(x)
x = layers.Dense(64, activation="relu")(x)  # SD104
out = layers.Dense(4, activation="softmax")(x)
model = keras.Model(inp, out)
