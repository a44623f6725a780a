"""One of two models, chosen by a condition only the data decides (a recurrent or a convolutional classifier): each
branch's model has exactly the layers its branch adds, whichever runs."""
import numpy as np
import keras
from keras import layers

series = np.random.rand(16, 40, 3).astype("float32")

if series.std() > 0.5:
    model = keras.Sequential([keras.Input(shape=(40, 3)), layers.LSTM(16), layers.Dense(2, activation="softmax")])
else:
    model = keras.Sequential()
    model.add(keras.Input(shape=(40, 3)))
    model.add(layers.Conv1D(8, 5, activation="relu"))
    model.add(layers.GlobalAveragePooling1D())
    model.add(layers.Dense(2, activation="softmax"))
