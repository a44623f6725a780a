"""Per-step load regression: stacked GRUs over variable-length sequences, TimeDistributed(Dense(1)); the
targets are (batch, steps) -- Keras squeezes the trailing 1 of the (batch, steps, 1) output."""
import numpy as np
from tensorflow import keras
from tensorflow.keras import layers

n_features = 6

model = keras.Sequential([
    layers.Input(shape=(None, n_features)),
    layers.GRU(32, return_sequences=True),
    layers.GRU(32, return_sequences=True),
    layers.TimeDistributed(layers.Dense(1)),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])

X = np.random.rand(20, 48, n_features).astype("float32")
y = np.random.rand(20, 48).astype("float32")
model.fit(X, y, batch_size=5, epochs=1)
