"""Broken: a user pooling layer added with add() already ends the steps axis; the GlobalMaxPooling1D after it
gets a 2-D tensor."""
import keras
from keras import layers, ops


class MeanOverSteps(layers.Layer):
    def call(self, inputs):
        return ops.mean(inputs, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[2])


model = keras.Sequential()
model.add(layers.Conv1D(8, 5, activation="relu", input_shape=(50, 3)))
model.add(MeanOverSteps())
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1, activation="sigmoid"))
