"""Variable-length recordings: no fixed length, so pooling must be global (no Flatten)."""
import keras
from keras import layers

inp = keras.Input(shape=(None, 12))  # 12-lead ECG, any duration
x = layers.Conv1D(64, 7, padding="same", activation="relu")(inp)
x = layers.MaxPooling1D(2)(x)
x = layers.Conv1D(128, 5, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling1D()(x)
out = layers.Dense(9, activation="sigmoid")(x)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
