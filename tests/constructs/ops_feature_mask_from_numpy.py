"""A layer that keeps a random subset of its input features through a constant mask built with numpy (a decision
tree of a neural decision forest): np.eye rows picked by np.random.choice, then ops.matmul with its transpose."""
import numpy as np
import keras
from keras import layers, ops


class FeatureSubset(layers.Layer):
    def __init__(self, num_features, used, **kwargs):
        super().__init__(**kwargs)
        one_hot = np.eye(num_features)
        picked = np.random.choice(np.arange(num_features), used, replace=False)
        self.mask = ops.convert_to_tensor(one_hot[picked], dtype="float32")

    def call(self, features):
        return ops.matmul(features, ops.transpose(self.mask))


inputs = keras.Input(shape=(12,))
x = FeatureSubset(12, 5)(inputs)
outputs = layers.Dense(3, activation="softmax")(layers.Dense(8)(x))
model = keras.Model(inputs, outputs)
