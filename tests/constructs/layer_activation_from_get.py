"""A custom layer whose activation is looked up with keras.activations.get (a name, None, or a function) and called
on its output in call()."""
import keras
from keras import layers


class GraphConv(layers.Layer):
    def __init__(self, units=8, activation="relu", **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units)
        self.activation = keras.activations.get(activation)

    def call(self, inputs):
        return self.activation(self.dense(inputs))


nodes = keras.Input(shape=(9, 5))
x = GraphConv(16)(nodes)
x = GraphConv(16, activation=None)(x)
x = GraphConv(4, activation=keras.activations.softmax)(x)
x = GraphConv(3, activation="tanh")(layers.Flatten()(x))
model = keras.Model(nodes, x)
