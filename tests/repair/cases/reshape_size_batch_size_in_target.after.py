"""A sensor model that writes the batch size into its Reshape target."""
import keras
from keras import layers

batch_size = 16
n_features = 96

model = keras.Sequential([
    keras.Input(shape=(n_features,)),
    layers.Dense(48, activation="relu"),
    layers.Reshape((12, 4)),
    layers.Conv1D(8, 3, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(3, activation="softmax"),
])
