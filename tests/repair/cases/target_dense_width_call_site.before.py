"""output-target-mismatch: a classifier builder called with n_classes=10 for targets of 4 classes (batch, 4): the
literal at the call is edited (the builder keeps its parameter for the other calls)."""
import numpy as np
import keras
from keras import layers


def classifier(features, n_classes=2):
    rows = keras.Input((features,))
    hidden = layers.Dense(16, activation="relu")(rows)
    return keras.Model(rows, layers.Dense(n_classes, activation="softmax")(hidden))


model = classifier(8, n_classes=10)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(np.zeros((4, 8)), np.zeros((4, 4)))
