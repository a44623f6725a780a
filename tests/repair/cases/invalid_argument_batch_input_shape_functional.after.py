# A functional forecaster whose LSTM still carries the batch_input_shape= of the Sequential it came from: Keras 2
# ignored it on any layer but a Sequential's first, Keras 3 rejects it; the first layer of the Sequential head
# declares its input with input_shape= and batch_size=, which move onto an InputLayer.
import keras
from keras import layers

series = keras.Input(shape=(48, 6))
x = layers.LSTM(64, return_sequences=True)(series)
x = layers.LSTM(32)(x)
encoder = keras.Model(series, x)

head = keras.Sequential([
    layers.InputLayer(shape=(32,), batch_size=64),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
