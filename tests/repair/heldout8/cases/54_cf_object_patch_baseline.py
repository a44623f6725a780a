"""Simple object-detection classifier with two Conv2D/MaxPooling2D stages added in front of its Dense head,
declared with a channels-first input_shape=(1, img_rows, img_cols) on the channels-last default (thinbug.com mirror of
Stack Overflow 46446176)."""
import keras
from keras import layers


def baseline_model(img_rows, img_cols, num_classes):
    model = keras.Sequential()
    model.add(layers.Conv2D(16, (2, 2), input_shape=(1, img_rows, img_cols), activation="relu"))  # heldout: mistake
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Conv2D(16, (2, 2), activation="relu"))
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Dropout(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(32, activation="relu"))
    model.add(layers.Dense(num_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = baseline_model(16, 16, num_classes=2)
