"""A user layer added to a Sequential with add(): its compute_output_shape carries the shapes on."""
import keras
from keras import layers, ops


class TopKSteps(layers.Layer):
    """The k largest activations of every channel over the steps, one vector of k * channels per sample."""

    def __init__(self, k=2, **kwargs):
        super().__init__(**kwargs)
        self.k = k

    def compute_output_shape(self, input_shape):
        return (input_shape[0], input_shape[2] * self.k)

    def call(self, inputs):
        per_channel = ops.transpose(inputs, (0, 2, 1))
        values = ops.top_k(per_channel, k=self.k)[0]
        return ops.reshape(values, (-1, inputs.shape[2] * self.k))


model = keras.Sequential()
model.add(keras.Input(shape=(40, 6)))
model.add(layers.Conv1D(12, 3, activation="relu"))
model.add(TopKSteps(3))
model.add(layers.Dense(4, activation="softmax"))
