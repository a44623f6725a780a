"""Subclasses of Keras' own layers: call() inherited, __init__ passing its own arguments on, call() going through
super().call() or the convolution's convolution_op(), and a class with no method at all."""
import keras
from keras import layers, ops


class WeightStandardizedConv(layers.Conv2D):
    def call(self, inputs):
        mean = ops.mean(self.kernel, axis=[0, 1, 2], keepdims=True)
        result = self.convolution_op(inputs, self.kernel - mean)
        if self.use_bias:
            result = result + self.bias
        return result


class DoubleWidthDense(layers.Dense):
    def __init__(self, width, **kwargs):
        super().__init__(width * 2, activation="relu", **kwargs)


class HalvedDense(layers.Dense):
    def call(self, inputs):
        return super().call(inputs) * 0.5


class CausalConv(layers.Conv1D):
    pass


class TwoHeadAttention(layers.MultiHeadAttention):
    def __init__(self, key_dim, **kwargs):
        super().__init__(num_heads=2, key_dim=key_dim, **kwargs)


images = keras.Input(shape=(28, 28, 1))
x = WeightStandardizedConv(8, kernel_size=(3, 3), activation="relu")(images)
x = layers.MaxPooling2D()(x)
x = layers.Flatten()(x)
x = DoubleWidthDense(16)(x)
x = HalvedDense(10)(x)
image_model = keras.Model(images, x)

series = keras.Input(shape=(40, 6))
y = CausalConv(12, 5, padding="causal")(series)
y = TwoHeadAttention(8)(y, y)
y = layers.GlobalAveragePooling1D()(y)
series_model = keras.Model(series, layers.Dense(3, activation="softmax")(y))
