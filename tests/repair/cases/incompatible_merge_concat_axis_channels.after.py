"""incompatible-merge: a U-Net style skip joined with concatenate(axis=1) on channels-last feature maps."""
import keras
from keras import layers

inputs = keras.Input((32, 32, 3))
skip = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D()(skip)
x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
x = layers.UpSampling2D()(x)
x = layers.concatenate([x, skip], axis=-1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
