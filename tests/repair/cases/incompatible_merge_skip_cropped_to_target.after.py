"""A heat-map U-Net on 30 x 45 images: the odd width is floored by the pooling, and the targets keep it."""
import numpy as np
import keras
from keras import layers

images = np.zeros((8, 30, 45, 3))
heatmaps = np.zeros((8, 30, 45, 1))

inputs = keras.Input(shape=(30, 45, 3))
e1 = layers.Conv2D(8, 3, padding="same", activation="relu")(inputs)
e2 = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(e1)
d1 = layers.UpSampling2D()(e2)
d1 = layers.Concatenate()([layers.Cropping2D(cropping=((0, 0), (0, 1)))(d1), e1])
logits = layers.Conv2D(1, 1)(d1)
model = keras.Model(inputs, logits)
model.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
model.fit(images, heatmaps)
