"""A KerasTuner HyperModel subclass for sensor series: its build(hp) with defaults (3 conv blocks, a name
registered twice keeps its first value), made by the tuner and by an explicit build."""
import tempfile

import keras
import keras_tuner as kt
from keras import layers


class SensorHyperModel(kt.HyperModel):
    def __init__(self, n_steps, n_channels, n_classes):
        super().__init__()
        self.n_steps, self.n_channels, self.n_classes = n_steps, n_channels, n_classes

    def build(self, hp):
        inputs = keras.Input(shape=(self.n_steps, self.n_channels))
        x = inputs
        for block in range(hp.Int("blocks", 2, 4, default=3)):
            x = layers.Conv1D(hp.Choice("filters", [64, 32]), hp.Int("kernel", 3, 7, step=2), padding="valid")(x)
            x = layers.MaxPooling1D(2)(x)
        x = layers.Conv1D(hp.Choice("filters", [16, 128]), 3)(x)
        if hp.Boolean("global_pool", default=True):
            x = layers.GlobalAveragePooling1D()(x)
        else:
            x = layers.Flatten()(x)
        outputs = layers.Dense(self.n_classes, activation="softmax")(x)
        return keras.Model(inputs, outputs)


hypermodel = SensorHyperModel(n_steps=128, n_channels=6, n_classes=4)
tuner = kt.Hyperband(hypermodel, objective="val_loss", max_epochs=2, directory=tempfile.mkdtemp(), overwrite=True)
model = hypermodel.build(kt.HyperParameters())
