"""output-target-mismatch: a GAN generator written for Theano's channels-first ordering (Reshape([channels, 7, 7]))
in a channels_last Keras, trained against 1 x 14 x 14 images: every layer gives its maps channels first."""
import numpy as np
import keras
from keras import layers

channels = 16
noise = keras.Input(shape=(8,))
x = layers.Dense(channels * 7 * 7)(noise)
x = layers.Reshape([channels, 7, 7])(x)
x = layers.UpSampling2D(size=(2, 2), data_format="channels_first")(x)
x = layers.Conv2D(8, 3, padding="same", activation="relu", data_format="channels_first")(x)
x = layers.Conv2D(1, 1, padding="same", activation="sigmoid", data_format="channels_first")(x)
model = keras.Model(noise, x)
model.compile(loss="binary_crossentropy", optimizer="adam")
model.fit(np.zeros((2, 8)), np.zeros((2, 1, 14, 14)))
