"""MobileNet-style strided blocks padded with keras.applications' correct_pad, on odd and even sizes."""
import keras
from keras import layers
from keras.src.applications import imagenet_utils


def downsample(x, channels):
    x = layers.ZeroPadding2D(padding=imagenet_utils.correct_pad(x, 3))(x)
    x = layers.DepthwiseConv2D(3, strides=2, padding="valid", use_bias=False)(x)
    return layers.Conv2D(channels, 1)(x)


images = keras.Input(shape=(45, 32, 3))
x = downsample(images, 8)
x = downsample(x, 16)
x = layers.ZeroPadding2D(padding=imagenet_utils.correct_pad(x, (5, 3)))(x)
x = layers.Conv2D(16, (5, 3), strides=2)(x)
model = keras.Model(images, layers.GlobalAveragePooling2D()(x))
