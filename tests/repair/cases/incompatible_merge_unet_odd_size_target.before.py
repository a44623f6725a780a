"""incompatible-merge: a segmentation U-Net on 50x50 masks trained against 50x50 masks: the pooling floors 25 to
12, so the upsampled path is 24x24 against its 25x25 skip. The input size is the data's and the output must stay
50x50: the upsampled path is zero-padded to its skip's size."""
import numpy as np
import keras
from keras import layers

inputs = keras.Input((50, 50, 1))
c1 = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
p1 = layers.MaxPooling2D()(c1)
c2 = layers.Conv2D(16, 3, padding="same", activation="relu")(p1)
p2 = layers.MaxPooling2D()(c2)
b = layers.Conv2D(32, 3, padding="same", activation="relu")(p2)
u2 = layers.UpSampling2D()(b)
m2 = layers.Concatenate()([u2, c2])
c3 = layers.Conv2D(16, 3, padding="same", activation="relu")(m2)
u1 = layers.UpSampling2D()(c3)
m1 = layers.Concatenate()([u1, c1])
outputs = layers.Conv2D(1, 1, activation="sigmoid")(m1)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.zeros((2, 50, 50, 1)), np.zeros((2, 50, 50, 1)))
