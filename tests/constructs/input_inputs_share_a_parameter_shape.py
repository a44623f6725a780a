"""Two inputs made from one shape parameter (a pix2pix discriminator takes the source and the target image,
``Input(shape=image_shape)`` each, and concatenates them channel-wise): the rank the parameter has is the one
the layers after the merge accept, the same for both inputs."""
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
    d = layers.Conv2D(1, (4, 4), padding="same", activation="sigmoid")(d)
    return keras.Model([source, target], d)  # data-dependent: 1, 2


images = np.load(os.path.join(DATA_DIR, "images.npy"))
model = define_discriminator(images.shape[1:])
