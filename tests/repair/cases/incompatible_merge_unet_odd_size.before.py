"""incompatible-merge: a U-Net on 50x50 images: poolings floor 25 to 12, so each upsampled path is smaller than its skip; fix 1 zero-pads the upsampled path to its skip's size, fix 2 feeds 52x52 inputs (a multiple of 4)."""
import keras
from keras import layers

inputs = keras.Input((50, 50, 1))
c1 = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(16, 3, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling2D()(c2)
b = layers.Conv2D(32, 3, padding="same", activation="relu")(p2)
u2 = layers.Conv2DTranspose(16, 2, strides=2)(b)
m2 = layers.Concatenate()([u2, c2])
c3 = layers.Conv2D(16, 3, padding="same", activation="relu")(m2)
u1 = layers.Conv2DTranspose(8, 2, strides=2)(c3)
m1 = layers.concatenate([u1, c1])
outputs = layers.Conv2D(1, 1, activation="sigmoid")(m1)
model = keras.Model(inputs, outputs)
