"""Atrous Conv2D on spectrograms combined with a stride of 2."""
import keras
from keras import layers

inp = keras.Input(shape=(128, 64, 1))
x = layers.Conv2D(16, 3, padding="same", activation="relu")(inp)
x = layers.Conv2D(32, 3, strides=(2, 2), dilation_rate=(2, 2), padding="same")(x)  # SD107
x = layers.GlobalAveragePooling2D()(x)
out = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inp, out)
