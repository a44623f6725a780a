"""Two inputs made from one shape parameter, merged, then a Conv2D and a Conv1D: whatever rank the parameter has,
one of the two convolutions cannot take what it gets; Keras, with images, fails at the Conv1D."""
import os
import tempfile

import numpy as np
import keras
from keras import layers

DATA_DIR = tempfile.mkdtemp()
np.save(os.path.join(DATA_DIR, "images.npy"), np.zeros((4, 32, 32, 3), dtype="float32"))


def define_discriminator(image_shape):
    source = layers.Input(shape=image_shape)
    target = layers.Input(shape=image_shape)
    merged = layers.Concatenate()([source, target])
    d = layers.Conv2D(16, (4, 4), strides=(2, 2), padding="same")(merged)
    d = layers.LeakyReLU(negative_slope=0.2)(d)
    d = layers.Conv1D(1, 4, padding="same", activation="sigmoid")(d)
    return keras.Model([source, target], d)


images = np.load(os.path.join(DATA_DIR, "images.npy"))
model = define_discriminator(images.shape[1:])
