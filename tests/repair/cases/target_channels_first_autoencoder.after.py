"""output-target-mismatch: a denoising autoencoder on 1 x 28 x 28 images (channels first) whose layers read the
channels from the last axis, trained to give back its input: every layer reads the data channels first."""
import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(1, 28, 28))
x = layers.Conv2D(8, 3, activation="relu", padding="same", data_format="channels_first")(inputs)
x = layers.MaxPooling2D(2, padding="same", data_format="channels_first")(x)
x = layers.Conv2D(8, 3, activation="relu", padding="same", data_format="channels_first")(x)
x = layers.UpSampling2D(2, data_format="channels_first")(x)
outputs = layers.Conv2D(1, 3, activation="sigmoid", padding="same", data_format="channels_first")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.zeros((2, 1, 28, 28)), np.zeros((2, 1, 28, 28)))
