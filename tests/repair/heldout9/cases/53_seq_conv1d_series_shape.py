"""Conv1D that should map a time series to another time series of the same length: the input layer is declared
with the series' own shape, Input(shape=X.shape) = (time_len,), so the Conv1D receives (None, time_len) with no
channel axis (stackoom.com 3VYNn, "Keras and input shape to Conv1D issues": expected ndim=3, found ndim=2. Full
shape received: [None, 100])."""
import keras
import numpy as np
from keras import layers


def build_series_filter(X, num_filters, kernel_len):
    input_layer = keras.Input(shape=X.shape)  # heldout: mistake
    conv_layer = layers.Conv1D(filters=num_filters, kernel_size=kernel_len, padding="same")(input_layer)  # heldout: mistake
    summation_layer = layers.Lambda(lambda t: keras.ops.sum(t, axis=-1))(conv_layer)
    return keras.Model(inputs=input_layer, outputs=summation_layer)


time_len = 20     # total length of time series
num_filters = 6   # number of filters/outputs of the Conv1D layer
kernel_len = 5    # length of the kernel (memory of the convolution)

X = np.random.randn(time_len)
model = build_series_filter(X, num_filters, kernel_len)
model.compile(loss="mse", optimizer="adam", metrics=["mae"])
