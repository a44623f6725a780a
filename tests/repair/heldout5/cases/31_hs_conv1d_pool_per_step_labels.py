"""Conv1D front end under an LSTM that labels every time step (keras-team/keras issue 6571).

Each sample is a sequence of `timesteps` steps with `dims` features and one of two labels per step (one-hot, so the
targets are (samples, timesteps, 2)).  The convolution and pooling run along the time axis.
"""
import keras
from keras import layers

TIMESTEPS = 48
DIMS = 16


def build_model(timesteps, dims, n_classes=2):
    model = keras.Sequential()
    model.add(layers.Conv1D(input_shape=(timesteps, dims), filters=16, kernel_size=5, padding="valid",
                            activation="relu", strides=1))  # heldout: mistake
    model.add(layers.MaxPooling1D(pool_size=4))  # heldout: mistake
    model.add(layers.LSTM(16, return_sequences=True))
    model.add(layers.Dropout(0.2))
    model.add(layers.TimeDistributed(layers.Dense(n_classes, activation="softmax")))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = build_model(TIMESTEPS, DIMS)
