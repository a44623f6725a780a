"""Small 1-D U-Net for per-sample segmentation of PPG signals (output one label per step)."""
import keras
from keras import layers

L = 512
inp = keras.Input((L, 1))
c1 = layers.Conv1D(16, 3, padding="same", activation="relu")(inp)
p1 = layers.MaxPooling1D(2)(c1)
c2 = layers.Conv1D(32, 3, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling1D(2)(c2)
b = layers.Conv1D(64, 3, padding="same", activation="relu")(p2)
u2 = layers.UpSampling1D(2)(b)
u2 = layers.Concatenate()([u2, c2])
c3 = layers.Conv1D(32, 3, padding="same", activation="relu")(u2)
u1 = layers.UpSampling1D(2)(c3)
u1 = layers.Concatenate(axis=-1)([u1, c1])
c4 = layers.Conv1D(16, 3, padding="same", activation="relu")(u1)
out = layers.Conv1D(1, 1, activation="sigmoid")(c4)
model = keras.Model(inp, out)
model.compile("adam", "binary_crossentropy")
