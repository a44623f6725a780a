"""Spectrogram patches (1 channel, 4 bands, 24 frames) read channels first by the first convolution only; the
layers after it keep Keras' channels_last and read the 16 filters as rows."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(1, 4, 24)),
    layers.Conv2D(16, (3, 3), data_format="channels_first", activation="relu", padding="same"),
    layers.MaxPooling2D((2, 2), data_format="channels_first", padding="same"),
    layers.Conv2D(32, (3, 3), activation="relu", data_format="channels_first", padding="same"),
    layers.MaxPooling2D((2, 2), data_format="channels_first", padding="same"),
    layers.Flatten(data_format="channels_first"),
    layers.Dense(5, activation="softmax"),
])
