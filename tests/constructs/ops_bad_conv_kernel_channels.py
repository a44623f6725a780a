"""A fixed kernel made for 3 input channels (an RGB edge filter bank) applied after a layer that gives 8:
keras.ops.conv checks the input's channels against the kernel's."""
import keras
import numpy as np
from keras import layers, ops

edges = np.zeros((3, 3, 3, 4), dtype="float32")

images = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(8, 3, padding="same")(images)
x = ops.conv(x, edges, padding="same")
model = keras.Model(images, layers.Flatten()(x))
