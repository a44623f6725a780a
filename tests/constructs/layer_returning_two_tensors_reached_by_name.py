"""A custom layer whose call() returns (output, kernel), named when made, and a second model built from
model.get_layer(name).output[1] of each such layer (the kernels, for visualisation)."""
import keras
from keras import layers, ops


class Gated(layers.Layer):
    def __init__(self, channels, **kwargs):
        super().__init__(**kwargs)
        self.kernel_gen = layers.Conv2D(1, 1)
        self.proj = layers.Conv2D(channels, 3, padding="same")

    def call(self, x):
        kernel = ops.sigmoid(self.kernel_gen(x))
        return self.proj(x * kernel), kernel


inputs = keras.Input(shape=(16, 16, 3))
x, _ = Gated(8, name="gate_1")(inputs)
x = layers.MaxPooling2D()(x)
x, _ = Gated(4, name="gate_2")(x)
outputs = layers.Dense(2)(layers.GlobalAveragePooling2D()(x))
model = keras.Model(inputs, outputs)

kernels = [model.get_layer(name).output[1] for name in ("gate_1", "gate_2")]
kernel_model = keras.Model(model.input, kernels)
