"""Tensor arithmetic and keras.ops calls in functional code: +, *, reshape, expand_dims, concatenate, mean, slices."""
import keras
from keras import layers, ops

frames = keras.Input(shape=(20, 16))
weights = keras.Input(shape=(20, 1))

x = layers.Dense(16)(frames)
x = x + frames
x = x * 2
weighted = x * weights
first = weighted[:, 0, :]
last_feature = weighted[..., -1]
pooled = ops.mean(weighted, axis=1)
grid = ops.reshape(weighted, (-1, 20, 4, 4))
grid = ops.expand_dims(grid, axis=-1)
grid = layers.Conv3D(2, (3, 2, 2))(grid)
grid = layers.Flatten()(grid)
features = ops.concatenate([first, last_feature, pooled, grid], axis=-1)
outputs = layers.Dense(1)(features)
model = keras.Model([frames, weights], outputs)
