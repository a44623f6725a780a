"""A custom Dense-like layer first in a Sequential, given Keras 2's ``input_shape=``: its ``**kwargs`` pass it on
to ``keras.layers.Layer``, so the Sequential has that input; ``build()`` sizes the kernel from it."""
import keras


class MyDense(keras.layers.Layer):
    def __init__(self, units, activation=None, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.activation = keras.activations.get(activation)

    def build(self, batch_input_shape):
        self.kernel = self.add_weight(name="kernel", shape=[batch_input_shape[-1], self.units],
                                      initializer="he_normal")
        self.bias = self.add_weight(name="bias", shape=[self.units], initializer="zeros")

    def call(self, X):
        return self.activation(X @ self.kernel + self.bias)


model = keras.Sequential([
    MyDense(30, activation="relu", input_shape=(8,)),
    MyDense(1),
])
