"""Time-series anomaly detection autoencoder (keras-io style): strided Conv1D down, Conv1DTranspose up, output
the same (288, 1) windows it reads."""
import numpy as np
import keras
from keras import layers

TIME_STEPS = 288
x_train = np.random.rand(40, TIME_STEPS, 1).astype("float32")

model = keras.Sequential(
    [
        layers.Input(shape=(x_train.shape[1], x_train.shape[2])),
        layers.Conv1D(filters=32, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Conv1D(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(filters=16, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Dropout(rate=0.2),
        layers.Conv1DTranspose(filters=32, kernel_size=7, padding="same", strides=2, activation="relu"),
        layers.Conv1DTranspose(filters=1, kernel_size=7, padding="same"),
    ]
)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")
model.fit(x_train, x_train, epochs=1, batch_size=8, validation_split=0.1)
