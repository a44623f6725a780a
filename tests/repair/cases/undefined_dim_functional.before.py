"""undefined-dim: Flatten after a variable-length axis, functional."""
import keras
from keras.layers import Conv1D, Dense, Flatten

inputs = keras.Input(shape=(None, 3))
x = Conv1D(16, 3, activation="relu")(inputs)
x = Flatten()(x)
outputs = Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
