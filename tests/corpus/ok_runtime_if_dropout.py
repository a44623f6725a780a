"""Regularisation switched on from the command line; the shapes do not depend on it."""
import sys
from keras.models import Sequential
from keras.layers import Dense, Dropout, Conv1D, Flatten

use_dropout = "--dropout" in sys.argv

model = Sequential()
model.add(Conv1D(16, 4, activation="relu", input_shape=(40, 1)))
if use_dropout:
    model.add(Dropout(0.3))
model.add(Flatten())
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
