"""invalid-argument: strides and dilation_rate both above 1."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(100, 1)),
    layers.Conv1D(8, 3, strides=2, dilation_rate=2),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
