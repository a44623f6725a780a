"""Broken: the Input shape comes from 2-D tabular data, then a Conv1D needs a steps axis."""
import numpy as np
import keras
from keras import layers

X = np.random.rand(300, 20)
y = np.random.randint(0, 2, size=300)

inputs = keras.Input(shape=X.shape[1:])
x = layers.Conv1D(16, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
