"""A U-Net built in loops whose skips are read back by index (skips[depth - level - 1]): on 20 x 12 x 10 volumes
the second pooling floors 5 to 2, and one merge of the loop is a voxel short while the other is not. The padding
each pass needs is written from the two tensors' shapes, the item of the list written twice (it has no side
effect)."""
import numpy as np
import keras
from keras import layers

volumes = np.zeros((2, 20, 12, 10, 1))
labels = np.zeros((2, 20, 12, 10, 3))


def segmenter(shape, depth=2):
    inputs = keras.Input(shape)
    skips = []
    x = inputs
    for level in range(depth):
        x = layers.Conv3D(4 * 2 ** level, 3, padding="same", activation="relu")(x)
        skips.append(x)
        x = layers.MaxPooling3D(2)(x)
    for level in range(depth):
        x = layers.UpSampling3D(2)(x)
        x = layers.Concatenate()([skips[depth - level - 1], x])
        x = layers.Conv3D(4, 3, padding="same", activation="relu")(x)
    return keras.Model(inputs, layers.Conv3D(3, 1, activation="softmax")(x))


model = segmenter((20, 12, 10, 1))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(volumes, labels, epochs=1)
