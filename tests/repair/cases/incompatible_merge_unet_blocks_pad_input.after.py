"""A U-Net whose blocks are helper functions, on 50 x 50 tiles: three poolings floor 50 to 25, 12, 6, so two of
the three skips come back a pixel short. The targets are 50 x 50 masks: the helper's merge pads its upsampled path
to its skip's size on every pass (one edit), or (pick 2) the input is zero-padded inside the model to 56 (a
multiple of 8) and the output cropped back to 50, two edits whatever the number of merges."""
import numpy as np
import keras
from keras import layers

tiles = np.zeros((4, 50, 50, 3))
masks = np.zeros((4, 50, 50, 1))


def down(x, filters):
    skip = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return layers.MaxPooling2D()(skip), skip


def up(x, skip, filters):
    x = layers.UpSampling2D()(x)
    x = layers.Concatenate()([layers.ZeroPadding2D(((0, skip.shape[1] - x.shape[1]), (0, skip.shape[2] - x.shape[2])))(x), skip])
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


def build(size, channels):
    image = keras.Input((size, size, channels))
    x, s1 = down(image, 8)
    x, s2 = down(x, 16)
    x, s3 = down(x, 32)
    x = up(x, s3, 32)
    x = up(x, s2, 16)
    x = up(x, s1, 8)
    return keras.Model(image, layers.Conv2D(1, 1, activation="sigmoid")(x))


model = build(50, 3)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(tiles, masks, epochs=1)
