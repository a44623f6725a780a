"""Broken: a feature extractor on `vgg.get_layer("block9_conv1")`; VGG16 has five blocks, Keras has no such layer."""
import keras

vgg = keras.applications.VGG16(include_top=False, weights=None, input_shape=(64, 64, 3))
extractor = keras.Model(vgg.input, vgg.get_layer("block9_conv1").output)
