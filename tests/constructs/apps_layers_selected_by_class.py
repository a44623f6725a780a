"""Feature extractors from `model.layers`, the layers picked by their class: `isinstance`, `layer.__class__ ==`,
`type(layer) is`, and a loop that stops at the n-th convolution (style-transfer code)."""
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3, name="first")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(16, 3, name="second")(x)
x = layers.Convolution2D(4, 1, name="third")(x)
outputs = layers.Dense(2)(layers.Flatten()(x))
classifier = keras.Model(inputs, outputs)

convolutions = [layer.output for layer in classifier.layers if isinstance(layer, layers.Conv2D)]
all_convolutions = keras.Model(classifier.input, convolutions)

pooled = [layer.output for layer in classifier.layers if layer.__class__ == layers.MaxPooling2D]
pooling = keras.Model(classifier.input, pooled[0])

named = [layer.output for layer in classifier.layers if type(layer).__name__ == "Flatten"]
flat = keras.Model(classifier.input, named[0])


def up_to_convolution(model, count):
    seen = 0
    output = None
    for layer in model.layers:
        if type(layer) is layers.Conv2D:
            seen += 1
        if seen >= count:
            output = layer.output
            break
    return keras.Model(model.input, output)


second = up_to_convolution(classifier, 2)
vgg = keras.applications.VGG16(include_top=False, weights=None, input_shape=(64, 64, 3))
vgg_third = up_to_convolution(vgg, 3)
