"""Trimming 1 s of warm-up and cool-down at 50 Hz from a 1.5 s window: nothing left."""
import keras
from keras import layers

FS = 50
model = keras.Sequential([
    keras.Input(shape=(75, 3)),
    layers.Cropping1D(cropping=(FS, FS)),  # SD102
    layers.Conv1D(8, 3),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1),
])
