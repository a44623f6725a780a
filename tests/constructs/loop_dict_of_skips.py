"""A U-Net whose skip connections are kept in a dict filled in the encoder loop and read back by level in the
decoder loop (skips[level])."""
import keras
from keras import layers

inputs = keras.Input((64, 64, 3))
x = inputs
skips = {}
for level, filters in enumerate([16, 32, 64]):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    skips[level] = x
    x = layers.MaxPooling2D()(x)
for level in reversed(range(3)):
    x = layers.UpSampling2D()(x)
    x = layers.Concatenate()([x, skips[level]])
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
model = keras.Model(inputs, layers.Conv2D(1, 1, activation="sigmoid")(x))
