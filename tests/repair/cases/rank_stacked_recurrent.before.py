"""rank: four stacked LSTMs, none returning sequences: every one but the last must pass its sequence on (one fix of three edits)."""
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((30, 8)),
    layers.LSTM(64),
    layers.LSTM(64),
    layers.LSTM(32),
    layers.LSTM(16),
    layers.Dense(1),
])
