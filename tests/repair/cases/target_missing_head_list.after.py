"""output-target-mismatch: a Sequential list whose last element is a GlobalAveragePooling2D, trained against
regression targets of 3 values: a Dense(3) is appended as the list's last element (trailing comma kept)."""
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input((64, 64, 3)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3),
])
model.compile(optimizer="adam", loss="mse")
model.fit(np.zeros((4, 64, 64, 3)), np.zeros((4, 3)))
