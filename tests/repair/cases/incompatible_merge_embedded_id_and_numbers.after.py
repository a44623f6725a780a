"""incompatible-merge: a product id embedded to (batch, 1, 8) joined with two price features (batch, 2): the
embedding's axis of 1 is dropped (Reshape((8,))), so the join is (batch, 10) and the regressor gives one value
per sample, as its targets (batch, 1) are."""
import numpy as np
import keras
from keras import layers

product = keras.Input(shape=(1,), dtype="int32")
prices = keras.Input(shape=(2,))
vector = layers.Embedding(500, 8)(product)
joined = layers.concatenate([layers.Reshape((8,))(vector), prices])
hidden = layers.Dense(16, activation="relu")(joined)
model = keras.Model([product, prices], layers.Dense(1)(hidden))
model.compile(optimizer="adam", loss="mse")
model.fit([np.zeros((4, 1)), np.zeros((4, 2))], np.zeros((4, 1)))
