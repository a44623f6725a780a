"""rank: a sensor classifier ported from images to series keeps one Conv2D((5, 5), strides=(2, 2)) between its
1-D layers; it gets (batch, steps, channels): the layer becomes Conv1D(32, 5, strides=2), as around it."""
import keras
from keras import layers


def build(steps, channels, classes):
    inputs = keras.Input((steps, channels))
    x = layers.Conv1D(16, 7, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling1D(2)(x)
    x = layers.Conv2D(32, (5, 5), strides=(2, 2), activation="relu", name="block2")(x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build(128, 6, 4)
