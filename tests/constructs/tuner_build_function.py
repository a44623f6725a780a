"""A KerasTuner build function: checked with each hyperparameter's default, the model the tuner builds first."""
import tempfile

import keras
import keras_tuner
from keras import layers


def build_model(hp):
    model = keras.Sequential()
    model.add(keras.Input(shape=(28, 28)))
    model.add(layers.Flatten())
    for i in range(hp.Int("num_layers", 1, 3)):
        model.add(layers.Dense(units=hp.Int(f"units_{i}", min_value=32, max_value=512, step=32),
                               activation=hp.Choice("activation", ["relu", "tanh"])))
    if hp.Boolean("dropout"):
        model.add(layers.Dropout(rate=0.25))
    model.add(layers.Dense(hp.Choice("classes", [10, 5]), activation="softmax"))
    learning_rate = hp.Float("lr", min_value=1e-4, max_value=1e-2, sampling="log")
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss="categorical_crossentropy")
    return model


model = build_model(keras_tuner.HyperParameters())
tuner = keras_tuner.RandomSearch(hypermodel=build_model, objective="val_accuracy", max_trials=1,
                                 directory=tempfile.mkdtemp(), overwrite=True)
