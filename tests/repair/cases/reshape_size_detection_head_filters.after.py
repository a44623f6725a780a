"""reshape-size: a detection head left with the COCO width (3 x (5 + 80) filters) under a Reshape to (grid, grid, anchors, 5 + 2 classes): the filters follow the Reshape."""
import keras
from keras import layers

ANCHORS = 3
CLASSES = ["cat", "dog"]


def detector(image_size, coco_classes=80):
    inputs = keras.Input((image_size, image_size, 3))
    x = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(inputs)
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(21, 1)(x)
    grid = image_size // 4
    outputs = layers.Reshape((grid, grid, ANCHORS, 5 + len(CLASSES)))(x)
    return keras.Model(inputs, outputs)


model = detector(32)
model.compile(optimizer="adam", loss="mse")
