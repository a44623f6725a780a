"""WaveNet-style stack of dilated causal convolutions for next-step forecasting."""
import keras
from keras import layers

N_STEPS = 256
inputs = keras.Input(shape=(N_STEPS, 1))
x = inputs
for rate in [1, 2, 4, 8, 16, 32]:
    x = layers.Conv1D(32, 2, padding="causal", dilation_rate=rate, activation="relu")(x)
x = layers.Conv1D(1, 1)(x)
model = keras.Model(inputs, x)
model.compile(loss="mae", optimizer="adam")
