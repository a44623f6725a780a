"""Custom layers that write compute_output_shape, one of them changing the rank."""
import keras
from keras import layers, ops


class FrameSplit(layers.Layer):
    """(batch, steps, ch) -> (batch, steps // frame, frame * ch)."""

    def __init__(self, frame, **kwargs):
        super().__init__(**kwargs)
        self.frame = frame

    def call(self, x):
        steps, ch = x.shape[1], x.shape[2]
        return ops.reshape(x, (-1, steps // self.frame, self.frame * ch))

    def compute_output_shape(self, input_shape):
        batch, steps, ch = input_shape
        return (batch, steps // self.frame, self.frame * ch)


class ChannelGate(layers.Layer):
    def build(self, input_shape):
        self.gate = self.add_weight(shape=(input_shape[-1],), initializer="ones")

    def call(self, x):
        return x * ops.sigmoid(self.gate)

    def compute_output_shape(self, input_shape):
        return input_shape


signal = keras.Input(shape=(256, 2))
x = FrameSplit(16)(signal)
x = ChannelGate()(x)
x = layers.LSTM(48)(x)
out = layers.Dense(3, activation="softmax")(x)
model = keras.Model(signal, out)
