"""Temporal convolutional network of philipperemy/keras-tcn (tcn.TCN) used with one filter count per dilation
(nb_filters=[4, 5, 5, 6] for dilations [1, 2, 4, 8]) to port a PyTorch TCN that estimates acoustic impedance from
seismic traces.  Each residual block projects its input to its own width, but with use_skip_connections=True the
TCN sums the blocks' skip outputs, which now have 4, 5, 5 and 6 channels
(philipperemy/keras-tcn#170: the error happens in tcn.py, at x = layers.add(self.skip_connections); the maintainer:
the dimensions do not match because the filters are of different sizes)."""
import keras
from keras import layers


def residual_block(x, dilation_rate, nb_filters, kernel_size, padding, dropout_rate=0.0, name="residual_block"):
    prev_x = x
    for k in range(2):
        x = layers.Conv1D(nb_filters, kernel_size, dilation_rate=dilation_rate, padding=padding,
                          name=f"{name}_conv1D_{k}")(x)
        x = layers.Activation("relu")(x)
        x = layers.SpatialDropout1D(dropout_rate)(x)
    if prev_x.shape[-1] != nb_filters:
        prev_x = layers.Conv1D(nb_filters, 1, padding="same", name=f"{name}_matching_conv1D")(prev_x)
    res_x = layers.add([prev_x, x])
    return res_x, x


def TCN(x, nb_filters=64, kernel_size=2, nb_stacks=1, dilations=(1, 2, 4, 8), padding="causal",
        use_skip_connections=True, dropout_rate=0.0, return_sequences=False):
    skip_connections = []
    for s in range(nb_stacks):
        for i, d in enumerate(dilations):
            filters = nb_filters[i] if isinstance(nb_filters, (list, tuple)) else nb_filters
            x, skip_out = residual_block(x, d, filters, kernel_size, padding, dropout_rate,
                                         name=f"residual_block_{s}_{d}")
            skip_connections.append(skip_out)
    if use_skip_connections:
        x = layers.add(skip_connections)  # heldout: mistake
    if not return_sequences:
        x = layers.Lambda(lambda t: t[:, -1, :])(x)
    return x


def build_impedance_model(trace_length, nb_filters, dilations, kernel_size=5):
    trace = keras.Input(shape=(trace_length, 1))
    x = TCN(trace, nb_filters=nb_filters, kernel_size=kernel_size, dilations=dilations,
            use_skip_connections=True, return_sequences=True)
    impedance = layers.Dense(1)(x)
    model = keras.Model(trace, impedance)
    model.compile(optimizer="adam", loss="mse")
    return model


model = build_impedance_model(64, nb_filters=[4, 5, 5, 6], dilations=[1, 2, 4, 8])  # heldout: mistake
