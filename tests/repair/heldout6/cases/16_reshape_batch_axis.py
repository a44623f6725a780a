"""Reshape asked to put the batch of images into one sample (keras-team/keras#6448)."""
import keras
from keras import layers

input_shape = (5, 8, 8, 1)  # the batch size is 5
tensor = keras.Input(batch_shape=input_shape)
new_tensor = layers.Reshape((1,) + tuple(tensor.shape))(tensor)  # heldout: mistake
x = layers.Conv3D(4, (1, 3, 3), padding="same", activation="relu")(new_tensor)
x = layers.Flatten()(x)
out = layers.Dense(2, activation="softmax")(x)
model = keras.Model(tensor, out)
model.compile(optimizer="adam", loss="categorical_crossentropy")
