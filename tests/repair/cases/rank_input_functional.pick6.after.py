"""rank: Conv1D straight on a 2-D Input: feed (n, 1) and give the data a channel axis."""
import keras
from keras import layers

inputs = keras.Input(shape=(128, 1))
x = layers.Conv1D(16, 7, activation="relu")(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
