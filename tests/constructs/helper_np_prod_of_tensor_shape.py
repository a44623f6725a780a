"""A size computed from a tensor's shape with NumPy (np.prod of the non-batch axes), used to reshape."""

import keras
import numpy as np
from keras import layers, ops

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 5)(inputs)
x = layers.MaxPooling2D()(x)
features = int(np.prod(x.shape[1:]))
x = layers.Lambda(lambda y: ops.reshape(y, (-1, features // 8, 8)))(x)
x = layers.Conv1D(4, 3)(x)
model = keras.Model(inputs, x)
