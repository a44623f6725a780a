"""A feature extractor over a backbone's internal layers: dict(...) of every layer's output, and one layer."""
import keras

vgg = keras.applications.VGG16(include_top=False, weights=None, input_shape=(64, 64, 3))
outputs = dict([(layer.name, layer.output) for layer in vgg.layers])
feature_extractor = keras.Model(inputs=vgg.inputs, outputs=outputs)
block3_extractor = keras.Model(vgg.input, vgg.get_layer("block3_conv2").output)
