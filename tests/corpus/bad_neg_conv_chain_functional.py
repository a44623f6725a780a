"""Deep valid-padding conv stack on 24-sample windows runs out of length."""
import keras
from keras import layers

inputs = keras.Input(shape=(24, 3))
x = layers.Conv1D(32, 7, activation="relu")(inputs)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(64, 7, activation="relu")(x)
x = layers.Conv1D(64, 7, activation="relu")(x)  # SD102
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
