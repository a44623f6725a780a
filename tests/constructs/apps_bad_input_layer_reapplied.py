"""Broken: a backbone rebuilt by applying each of `model.layers` again, its InputLayer included; Keras 3's
InputLayer takes no input (TypeError: too many positional arguments)."""
import keras
from keras import layers

vgg = keras.applications.VGG16(include_top=False, weights=None, input_shape=(64, 64, 3))
x = vgg.input
for layer in vgg.layers:
    if layer.__class__ == layers.MaxPooling2D:
        x = layers.AveragePooling2D()(x)
    else:
        x = layer(x)
averaged = keras.Model(vgg.input, x)
