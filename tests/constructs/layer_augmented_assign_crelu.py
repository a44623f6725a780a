"""A custom layer whose call() centers its input with `inputs -= ...`, then CReLU and a build()-sized kernel."""
import keras
from keras import layers, ops


class CenteredCReLUDense(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        input_dim = input_shape[-1]
        self.kernel = self.add_weight(shape=(2 * input_dim, self.units), initializer="glorot_uniform", name="kernel")

    def call(self, inputs):
        inputs -= ops.mean(inputs, axis=-1, keepdims=True)
        pos = ops.relu(inputs)
        neg = ops.relu(-inputs)
        x = ops.concatenate([pos, neg], axis=-1)
        return ops.matmul(x, self.kernel)


inputs = keras.Input(shape=(20,))
x = layers.Dense(32, activation="relu")(inputs)
x = CenteredCReLUDense(24)(x)
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
