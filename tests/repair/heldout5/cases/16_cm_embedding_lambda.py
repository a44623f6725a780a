"""Concatenating an embedded id column with a raw numeric column (keras-team/keras issue 10067).

Each sample is 4 numbers: column 0 is a categorical id (embedded), column 2 a numeric feature used as is.
"""
import keras
from keras import layers

inp = keras.Input(shape=(4,))
e_x = layers.Lambda(lambda x: x[:, 0:1], output_shape=(1,))(inp)
e_x = layers.Embedding(100, 10)(e_x)
d1 = layers.Dense(10)(e_x)
l1 = layers.Lambda(lambda x: x[:, 2:3], output_shape=(1,))(inp)
all_concats = layers.concatenate([d1, l1], axis=-1)  # heldout: mistake
out = layers.Dense(1)(all_concats)

model = keras.Model(inp, out)
model.compile(loss="mse", optimizer="adam")
