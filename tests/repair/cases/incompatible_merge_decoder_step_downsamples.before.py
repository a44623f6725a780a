"""incompatible-merge: the last step of a segmentation decoder is a strided Conv2D where a transposed one was
meant, so it halves 32 x 40 to 16 x 20 instead of doubling it to the 64 x 80 of the skip it joins: the step's
output is upsampled by the factor 4 it misses."""
import keras
from keras import layers

inputs = keras.Input((64, 80, 1))
e1 = layers.Conv2D(4, 3, padding="same", activation="relu")(inputs)
e2 = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(e1)
e3 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(e2)
d2 = layers.Conv2DTranspose(8, 3, strides=2, padding="same", activation="relu")(e3)
d2 = layers.Concatenate()([d2, e2])
d1 = layers.Conv2D(4, 3, strides=2, padding="same", activation="relu")(d2)
d1 = layers.Concatenate()([d1, e1])
outputs = layers.Conv2D(1, 1, activation="sigmoid")(d1)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
