"""Small classifier on a 4-column CSV whose last column is the label: the input is declared with all 4 columns.

Written from keras-team/keras#9282: x = dataset[:, 0:3], y = dataset[:, 3], but the first Dense is declared with
input_dim=4, so training on the 3 feature columns fails at the input check.
"""
import keras
from keras import layers

n_columns = 4  # mk.csv: three features and the label

model = keras.Sequential()
model.add(keras.Input(shape=(n_columns,)))  # heldout: mistake
model.add(layers.Dense(8, activation="relu"))
model.add(layers.Dense(3, activation="softmax"))
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.1), loss="categorical_crossentropy",
              metrics=["accuracy"])
