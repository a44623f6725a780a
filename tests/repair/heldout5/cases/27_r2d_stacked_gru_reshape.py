"""Three stacked GRUs on tabular features reshaped to one step (a CSDN blog post, qlkaicx).

Each sample is a row of n_features values, reshaped to a sequence of one step; four classes.
"""
import keras
from keras import layers


def build_classifier(n_features, n_classes=4, units=32):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        layers.Reshape((1, n_features)),
        layers.GRU(units),  # heldout: mistake
        layers.GRU(units),  # heldout: mistake
        layers.GRU(units, dropout=0.2),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = build_classifier(12)
