"""incompatible-merge: a U-Net of valid convolutions, as in the paper: every skip is larger than the path it joins; fix 1 keeps every convolution's size."""
import keras
from keras import layers

inputs = keras.Input((64, 64, 1))
c1 = layers.Conv2D(8, 3, activation="relu")(inputs)
c1 = layers.Conv2D(8, 3, activation="relu")(c1)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(16, 3, activation="relu")(p1)
c2 = layers.Conv2D(16, 3, activation="relu")(c2)
p2 = layers.MaxPooling2D()(c2)
b = layers.Conv2D(32, 3, activation="relu")(p2)
b = layers.Conv2D(32, 3, activation="relu")(b)
u2 = layers.UpSampling2D()(b)
m2 = layers.concatenate([u2, c2])
c3 = layers.Conv2D(16, 3, activation="relu")(m2)
u1 = layers.UpSampling2D()(c3)
m1 = layers.concatenate([u1, c1])
outputs = layers.Conv2D(1, 1, activation="sigmoid")(m1)
model = keras.Model(inputs, outputs)
