"""Optional input normalisation chosen at run time; the error comes earlier, so it is certain."""
import os
from keras.models import Sequential
from keras.layers import Dense, Conv1D, LayerNormalization, Flatten

NORMALISE = os.environ.get("NORMALISE", "0") == "1"

model = Sequential()
model.add(Flatten(input_shape=(64, 2)))
model.add(Conv1D(16, 3))  # SD101
if NORMALISE:
    model.add(LayerNormalization())
model.add(Dense(1))
