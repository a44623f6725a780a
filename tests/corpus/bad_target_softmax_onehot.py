"""Activity classifier with one-hot labels; the head forgets to pool over time."""
import numpy as np
import keras
from keras import layers

n_classes = 6
X = np.random.rand(300, 128, 3)
y = np.zeros((300, n_classes))

inp = keras.Input(shape=(128, 3))
x = layers.Conv1D(64, 3, activation="relu")(inp)
x = layers.MaxPooling1D(2)(x)
out = layers.Dense(n_classes, activation="softmax")(x)  # SD105
model = keras.Model(inp, out)
model.compile(loss="categorical_crossentropy", optimizer="adam")
model.fit(X, y, epochs=3)
