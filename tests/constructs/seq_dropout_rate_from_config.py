"""Dropout rate from a config dict read at run time and augmentation factors from a parameter (math.sqrt)."""
import json
import math

import keras
from keras import layers

IMAGE_SIZE = 64
NUM_CLASSES = 5
config = json.loads('{"rate": 0.3, "min_area": 0.25}')


def get_augmenter(min_area):
    zoom_factor = 1.0 - math.sqrt(min_area)
    return keras.Sequential(
        [
            layers.RandomFlip("horizontal"),
            layers.RandomTranslation(zoom_factor / 2, zoom_factor / 2),
            layers.RandomZoom((-zoom_factor, 0.0), (-zoom_factor, 0.0)),
        ],
        name="augmenter",
    )


def build_classifier(config, min_area):
    inputs = keras.Input(shape=(IMAGE_SIZE, IMAGE_SIZE, 3))
    x = get_augmenter(min_area)(inputs)
    x = layers.Conv2D(32, 3, strides=2, activation="relu")(x)
    x = layers.Conv2D(64, 3, strides=2, activation="relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(config["rate"])(x)
    outputs = layers.Dense(NUM_CLASSES, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="classifier")


classifier = build_classifier(config, min_area=config["min_area"])
