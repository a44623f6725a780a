"""A Sequential that declares its input, used as the start of functional models: a classifier head on
``feature_extractor.outputs[0]`` with ``feature_extractor.inputs`` as its input, and a model of some of its layers'
outputs (``[seq.layers[i].output ...]``, ``seq.get_layer(name).output``: what a convolution responds to, as Grad-CAM
code does)."""
import keras
from keras import layers
from keras.models import Model, Sequential

feature_extractor = Sequential()
feature_extractor.add(layers.Conv2D(8, 3, activation="relu", padding="same", input_shape=(32, 32, 3)))
feature_extractor.add(layers.MaxPooling2D(name="pool"))
feature_extractor.add(layers.Conv2D(16, 3, activation="relu", padding="same"))
feature_extractor.add(layers.Flatten())

x = feature_extractor.outputs[0]
x = layers.Dense(32, activation="relu")(x)
prediction = layers.Dense(4, activation="softmax")(x)
cnn_model = Model(inputs=feature_extractor.inputs, outputs=prediction)

activations = Model(inputs=feature_extractor.inputs, outputs=[feature_extractor.layers[i].output for i in (0, 2)])
last_conv = Model(feature_extractor.inputs, feature_extractor.layers[-2].output)
by_name = Model(feature_extractor.inputs, feature_extractor.get_layer("pool").output)
by_index = Model(feature_extractor.inputs, feature_extractor.get_layer(index=2).output)
