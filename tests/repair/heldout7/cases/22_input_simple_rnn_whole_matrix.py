"""Price-direction SimpleRNN declared with input_shape = dim(data_train[, 1:3]), the whole (rows, features)
matrix, and trained on the 2-D matrix itself (keras-team/keras#10722, R keras)."""
import keras
import numpy as np
from keras import layers

data_train = np.zeros((1661, 5), dtype="float32")  # 3 feature columns, 2 target columns (the R data_train)

model = keras.Sequential()
model.add(layers.SimpleRNN(units=24, input_shape=data_train[:, 0:3].shape, activation="relu"))  # heldout: mistake
model.add(layers.Dense(units=2, activation="relu"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["binary_accuracy"])
