"""Written for Keras 2: compile's third positional argument was metrics; Keras 3 reads it as loss_weights and
fails on the first training batch ("Invalid dtype: str256")."""
import numpy as np
import keras
from keras import layers


def build_classifier(n_features, n_classes):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(n_classes, activation="softmax"),
    ])
    model.compile("adam", "categorical_crossentropy", metrics=["accuracy"])
    return model


x = np.random.rand(64, 20).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 4, size=64), 4)
classifier = build_classifier(20, 4)
classifier.fit(x, y, epochs=1)
