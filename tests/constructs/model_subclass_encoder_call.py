"""A subclassed model whose call() uses tensor ops and a nested Sequential; built by calling it on data."""
import numpy as np
import keras
from keras import layers, ops


class SequenceClassifier(keras.Model):
    def __init__(self, n_classes, hidden=32):
        super().__init__()
        self.encoder = keras.Sequential([layers.Conv1D(hidden, 5, padding="same", activation="relu"),
                                         layers.Conv1D(hidden, 5, padding="same", activation="relu")])
        self.head = layers.Dense(n_classes)

    def call(self, x):
        h = self.encoder(x)
        h = ops.mean(h, axis=1)
        return self.head(h)


clf = SequenceClassifier(n_classes=4)
batch = np.random.normal(size=(8, 50, 6)).astype("float32")
logits = clf(batch)
