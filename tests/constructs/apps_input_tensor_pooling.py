"""Backbones given input_tensor= and pooling=, with their preprocess_input, and one with include_top."""
import keras
from keras.applications import EfficientNetB0, DenseNet121
from keras.applications.densenet import preprocess_input

inputs = keras.layers.Input(shape=(64, 64, 3))
effnet = EfficientNetB0(include_top=False, weights=None, input_tensor=inputs, pooling="avg")
outputs = keras.layers.Dense(2, activation="softmax")(effnet.output)
model = keras.Model(inputs, outputs, name="effnet_classifier")

pixels = keras.Input(shape=(80, 80, 3))
features = DenseNet121(include_top=False, weights=None, input_shape=(80, 80, 3))(preprocess_input(pixels))
feature_model = keras.Model(pixels, features)

full = keras.applications.VGG16(weights=None, include_top=True, input_shape=(32, 32, 3), classes=10)
