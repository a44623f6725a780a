"""incompatible-merge: a 1-D U-Net over 100-sample series with its skips joined in a loop body; 100 -> 50 -> 25
-> 12, so only the deepest pass comes back short (24 vs 25).  The loop's one merge pads its upsampled input by
what each pass lacks, from the shapes."""
import keras
from keras import layers

signal = keras.Input((100, 2))
x, skips = signal, []
for width in (16, 32, 64):
    x = layers.Conv1D(width, 5, padding="same", activation="relu")(x)
    skips.append(x)
    x = layers.MaxPooling1D(2)(x)
for width in (64, 32, 16):
    skip = skips.pop()
    up = layers.UpSampling1D(2)(x)
    x = layers.concatenate([up, skip])
    x = layers.Conv1D(width, 5, padding="same", activation="relu")(x)
outputs = layers.Conv1D(1, 1)(x)
model = keras.Model(signal, outputs)
