"""A custom layer convolving with its own kernel (a weight scaled by a number computed with keras.ops, as
equalized-learning-rate layers do), then keras.ops poolings and a depthwise convolution."""
import keras
from keras import layers, ops


class ScaledConv(layers.Layer):
    def __init__(self, filters, kernel=3, gain=2.0, **kwargs):
        super().__init__(**kwargs)
        self.filters, self.kernel, self.gain = filters, kernel, gain

    def build(self, input_shape):
        channels = input_shape[-1]
        self.w = self.add_weight(shape=(self.kernel, self.kernel, channels, self.filters))
        self.b = self.add_weight(shape=(self.filters,), initializer="zeros")
        self.scale = ops.sqrt(self.gain / (self.kernel * self.kernel * channels))

    def call(self, inputs):
        return ops.conv(inputs, self.scale * self.w, strides=1, padding="valid") + self.b


class DepthwiseBlock(layers.Layer):
    def build(self, input_shape):
        self.dw = self.add_weight(shape=(3, 3, input_shape[-1], 2))

    def call(self, inputs):
        x = ops.depthwise_conv(inputs, self.dw, strides=2, padding="same")
        return ops.average_pool(x, 2, padding="same")


images = keras.Input(shape=(33, 33, 3))
x = ScaledConv(8)(images)
x = ops.max_pool(x, 3, strides=2)
x = DepthwiseBlock()(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5)(x)
model = keras.Model(images, outputs)
