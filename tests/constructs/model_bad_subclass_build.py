"""Broken: a subclassed model with Conv1D layers, built and run on 2-D data (no steps axis)."""
import numpy as np
import keras
from keras import layers


class TinyCNN(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv = layers.Conv1D(16, 3, activation="relu")  # keras-error
        self.pool = layers.GlobalMaxPooling1D()
        self.out = layers.Dense(2)

    def call(self, x):
        x = self.conv(x)
        x = self.pool(x)
        return self.out(x)


model = TinyCNN()
model.build((None, 100))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
probabilities = model.predict(np.random.rand(8, 100), verbose=0)
