"""A GRU declared with the shape of the feature columns of the whole table (rows included)."""
import numpy as np
import keras
from keras import layers

table = np.zeros((500, 6), dtype="float32")  # 4 feature columns, then 2 targets

model = keras.Sequential()
model.add(layers.GRU(12, input_shape=table[:, 0:4].shape))
model.add(layers.Dense(2, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
