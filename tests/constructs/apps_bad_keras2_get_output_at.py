"""Broken: Keras 2's `layer.get_output_at(0)`, which Keras 3 layers no longer have (AttributeError)."""
import keras

vgg = keras.applications.VGG16(include_top=False, weights=None, input_shape=(64, 64, 3))
outputs = [layer.get_output_at(0) for layer in vgg.layers if layer.name.endswith("conv1")]
extractor = keras.Model(vgg.input, outputs)
