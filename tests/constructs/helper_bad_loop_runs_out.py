"""Broken: a valid-padding conv helper called in a loop over a literal list runs the sequence out."""
import keras
from keras import layers


def conv_pool(x, filters, kernel_size=7):
    x = layers.Conv1D(filters, kernel_size, activation="relu")(x)
    return layers.MaxPooling1D(pool_size=2)(x)


seq_in = keras.Input(shape=(60, 1))
h = seq_in
for n_filters in [16, 32, 64, 128]:
    h = conv_pool(h, n_filters)
h = layers.Flatten()(h)
out = layers.Dense(1)(h)
regressor = keras.Model(seq_in, out)
