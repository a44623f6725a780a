"""incompatible-merge: a two-resolution segmenter resizes its low branch to sizes worked out for 96 x 96 images
while the model is built for 48 x 48: the Resizing is set to the 24 x 24 of the branch it is added to."""
import keras
from keras import layers


def fusion_net(size=48, resized=96 // 2):
    image = keras.Input((size, size, 3))
    high = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(image)
    low = layers.Conv2D(8, 3, strides=2, padding="same", activation="relu")(high)
    low = layers.Resizing(24, 24)(low)
    fused = layers.Add()([high, low])
    return keras.Model(image, layers.Conv2D(2, 1)(fused))


model = fusion_net()
