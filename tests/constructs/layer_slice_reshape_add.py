"""A custom layer with sublayers from __init__ whose call() slices, reshapes and adds tensors."""
import keras
from keras import layers, ops


class TwoStreamMixer(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.left = layers.Dense(units)
        self.right = layers.Dense(units)

    def call(self, x):
        first = x[:, :, :4]
        second = x[:, :, 4:]
        y = self.left(first) + self.right(second)
        batch_frames = ops.reshape(y, (-1, 10, 2 * self.units))
        return batch_frames


inputs = keras.Input(shape=(20, 12))
mixed = TwoStreamMixer(16)(inputs)
pooled = layers.GlobalAveragePooling1D()(mixed)
outputs = layers.Dense(5)(pooled)
model = keras.Model(inputs, outputs)
