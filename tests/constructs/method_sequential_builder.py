"""A trainer class that builds a Sequential model in a method from hyper-parameters kept on self."""
import tensorflow as tf


class Trainer:
    def __init__(self, n_features, n_outputs, hidden=(64, 32), dropout=0.2):
        self.n_features = n_features
        self.n_outputs = n_outputs
        self.hidden = hidden
        self.dropout = dropout
        self.model = None

    def build(self):
        model = tf.keras.Sequential()
        model.add(tf.keras.layers.Input(shape=(self.n_features,)))
        for units in self.hidden:
            model.add(tf.keras.layers.Dense(units, activation="relu"))
            model.add(tf.keras.layers.Dropout(self.dropout))
        model.add(tf.keras.layers.Dense(self.n_outputs))
        self.model = model
        return model


trainer = Trainer(n_features=13, n_outputs=2)
regressor = trainer.build()
