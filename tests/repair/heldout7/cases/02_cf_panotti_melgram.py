"""Panotti's VGG-style audio classifier built from the melgram array shape (n, 1, mels, frames), i.e. channels
first, while Keras orders channels last (drscotthawley/panotti#2, panotti/models.py)."""
import keras
from keras import layers


def MyCNN(X_shape, nb_classes, nb_layers=4):
    nb_filters = 8
    kernel_size = (3, 3)
    pool_size = (2, 2)
    input_shape = (X_shape[1], X_shape[2], X_shape[3])  # heldout: mistake
    model = keras.Sequential()
    model.add(layers.Conv2D(nb_filters, kernel_size, padding="valid", input_shape=input_shape))  # heldout: mistake
    model.add(layers.BatchNormalization(axis=1))
    model.add(layers.Activation("relu"))
    for layer in range(nb_layers - 1):
        model.add(layers.Conv2D(nb_filters, kernel_size))
        model.add(layers.Activation("elu"))
        model.add(layers.MaxPooling2D(pool_size=pool_size))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(32))
    model.add(layers.Activation("elu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(nb_classes))
    model.add(layers.Activation("softmax"))
    return model


X_shape = (16, 1, 24, 40)  # melgrams (n, 1, mels, frames) as preprocess_data.py saves them
class_names = ["kick", "snare"]
model = MyCNN(X_shape, nb_classes=len(class_names))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
