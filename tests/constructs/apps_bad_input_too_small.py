"""Broken: ResNet50 without its top needs inputs of at least 32x32."""
import keras
from keras import layers

inputs = keras.Input(shape=(24, 24, 3))
backbone = keras.applications.ResNet50(include_top=False, weights=None, input_shape=(24, 24, 3))
x = backbone(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
