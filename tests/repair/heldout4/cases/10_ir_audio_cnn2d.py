"""pyAudioClassification's cnn2d(): a Conv2D model for one feature vector per clip, declared (n_features, 1)."""
import keras
from keras import layers

n_features = 40


def cnn2d(input_shape, num_classes, args=None):
    model = keras.Sequential()
    model.add(layers.Conv2D(32, (3, 3), activation="relu", padding="same", input_shape=input_shape))  # heldout: mistake
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Conv2D(64, (3, 3), activation="relu", padding="same"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = cnn2d((n_features, 1), num_classes=4)  # heldout: mistake
