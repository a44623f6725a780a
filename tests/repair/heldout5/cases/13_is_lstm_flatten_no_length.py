"""Two stacked LSTMs, then Flatten and Dense (keras-team/keras issue 818).

Each sample is 20 frames of 390 features; only the second LSTM is told the sequence length.
"""
import keras
from keras import layers

N_FRAMES = 20
N_FEATURES = 24

m = keras.Sequential()
# ====== LSTM ====== #
m.add(layers.LSTM(32, input_shape=(None, N_FEATURES), return_sequences=True))  # heldout: mistake
m.add(layers.LSTM(32, input_shape=(N_FRAMES, N_FEATURES), return_sequences=True))
m.add(layers.Flatten())
m.add(layers.Dense(16))  # heldout: mistake
m.compile(loss="mse", optimizer="rmsprop")

model = m
