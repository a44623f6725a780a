"""reshape-size: an autoencoder's 5-wide code, normalised by a Lambda, reshaped to rows of 8 with Reshape((-1, 8)):
5 values are no whole number of rows. The Dense that makes the code gets a width of one row (through the Lambda,
which keeps the shape); there is no -1 form to offer (the -1 is already there)."""
import keras
from keras import layers, ops

inputs = keras.Input(shape=(8,))
code = layers.Dense(5)(layers.Dense(8, activation="relu")(inputs))
code = layers.Lambda(lambda x: x / (ops.norm(x, axis=1, keepdims=True) + 1e-9))(code)
rows = layers.Reshape((-1, 8))(code)
outputs = layers.Dense(8, activation="softmax")(layers.Flatten()(layers.GaussianNoise(0.1)(rows)))
model = keras.Model(inputs, outputs)
