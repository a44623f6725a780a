"""Frames of a fixed batch stacked as one clip: the Reshape target repeats the whole batch_shape."""
import keras
from keras import layers

frames = keras.Input(batch_shape=(4, 16, 16, 3))
clip = layers.Reshape((1, 16, 16, 3))(frames)
x = layers.Conv3D(8, (1, 3, 3), padding="same", activation="relu")(clip)
x = layers.GlobalAveragePooling3D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(frames, outputs)
