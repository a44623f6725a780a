"""reshape-size: a segmenter whose decoder ends with 16 feature maps, reshaped to (h * w, 3 classes) for a per-pixel
softmax: the per-pixel class layer is missing. A 1 x 1 Conv2D with one filter per class goes before the Reshape."""
import keras
from keras import layers


def segmenter(height=16, width=24, classes=3):
    inputs = keras.Input((height, width, 3))
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D(2)(x)
    x = layers.UpSampling2D(2)(x)
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
    x = layers.Conv2D(3, kernel_size=1)(x)
    x = layers.Reshape((height * width, classes))(x)
    return keras.Model(inputs, layers.Activation("softmax")(x))


model = segmenter()
