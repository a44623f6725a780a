"""negative-length: a Conv1D/MaxPooling1D block repeated by a loop shrinks a 40-step series to nothing on the
fourth pass; the fix edits the one constructor call every pass uses."""
import keras
from keras import layers

inputs = keras.Input(shape=(40, 8))
x = inputs
for i in range(4):
    x = layers.Conv1D(16, 5, activation="relu", padding="same")(x)
    x = layers.MaxPooling1D(2)(x)
x = layers.GlobalMaxPooling1D()(x)
model = keras.Model(inputs, layers.Dense(1)(x))
