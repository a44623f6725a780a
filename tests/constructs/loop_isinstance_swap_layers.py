"""A trained model's layers re-used in a new Sequential, some swapped by their class: `isinstance` of Keras layers
(SpatialDropout1D is a Dropout, LSTM an RNN, Dense neither) decides each swap."""
import keras
from keras import layers


class MCDropout(layers.Dropout):
    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


model = keras.Sequential([
    keras.Input(shape=(40, 6)),
    layers.Conv1D(16, 5, activation="relu"),
    layers.SpatialDropout1D(0.1),
    layers.LSTM(24, return_sequences=True),
    layers.Dropout(0.2),
    layers.GRU(12),
    layers.Dense(32, activation="relu"),
    layers.Dropout(0.3),
    layers.Dense(3, activation="softmax"),
])

mc_model = keras.Sequential([
    MCDropout(layer.rate) if isinstance(layer, layers.Dropout) else layer
    for layer in model.layers
])
recurrent = [layer for layer in model.layers if isinstance(layer, (layers.RNN, layers.Conv1D))]
encoder = keras.Sequential([keras.Input(shape=(40, 6)), *recurrent[:2]])
dense_only = keras.Sequential([keras.Input(shape=(20,))] + [
    layers.Dense(layer.units) for layer in model.layers
    if isinstance(layer, layers.Dense) and not isinstance(layer, layers.Dropout)
])
