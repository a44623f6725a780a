"""One-layer 1-D CNN on the breast-cancer table (keras-team/keras issue 6242).

X is the CSV's 30 feature columns (569 rows), Y the 0/1 diagnosis.
"""
import numpy
import keras
from keras import layers

numpy.random.seed(7)
X = numpy.random.rand(569, 30)  # stands in for datasetTraining[:, 1:31]
Y = numpy.random.randint(0, 2, size=(569,))

model = keras.Sequential()
model.add(layers.Conv1D(2, 2, activation="relu", input_shape=X.shape))  # heldout: mistake
model.add(layers.GlobalMaxPooling1D())
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
