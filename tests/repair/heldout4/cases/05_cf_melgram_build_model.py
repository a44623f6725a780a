"""Audio classifier on mel-spectrograms shaped (1, 96, n_frames) as the preprocessing saves them."""
import keras
from keras import layers


def build_model(X_shape, nb_classes, nb_filters=16, kernel_size=(3, 3), pool_size=(2, 2), nb_layers=3):
    model = keras.Sequential()
    model.add(keras.Input(shape=X_shape[1:]))  # heldout: mistake
    model.add(layers.Conv2D(nb_filters, kernel_size, padding="valid"))  # heldout: mistake
    model.add(layers.BatchNormalization(axis=1))
    model.add(layers.Activation("relu"))
    for _ in range(nb_layers - 1):
        model.add(layers.Conv2D(nb_filters, kernel_size))
        model.add(layers.Activation("elu"))
        model.add(layers.MaxPooling2D(pool_size=pool_size))
        model.add(layers.Dropout(0.25))
    model.add(layers.Flatten())
    model.add(layers.Dense(64))
    model.add(layers.Activation("relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(nb_classes))
    model.add(layers.Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
    return model


model = build_model((None, 1, 32, 48), nb_classes=2)
