"""Genetic search over CNN depth: with five layers the valid 3x3 convolutions run out of image."""
import keras
from keras import layers


def compile_model_cnn(nb_layers, nb_neurons, activation, optimizer, nb_classes, input_shape):
    model = keras.Sequential()
    for i in range(0, nb_layers):
        if i == 0:
            model.add(layers.Conv2D(nb_neurons[i], kernel_size=(3, 3), activation=activation, padding="same",
                                    input_shape=input_shape))
        else:
            model.add(layers.Conv2D(nb_neurons[i], kernel_size=(3, 3), activation=activation))  # heldout: mistake
        if i < 2:  # otherwise we hit zero
            model.add(layers.MaxPooling2D(pool_size=(2, 2)))
        model.add(layers.Dropout(0.2))
    model.add(layers.Flatten())
    model.add(layers.Dense(nb_neurons[len(nb_neurons) - 1], activation=activation))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(nb_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer=optimizer, metrics=["accuracy"])
    return model


model = compile_model_cnn(5, [16, 16, 32, 32, 64, 64], "relu", "adam", 10, (28, 28, 1))
