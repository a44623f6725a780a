"""Residual connection example of the Keras functional-API guide ("input tensor for a 3-channel 256x256 image",
a 3x3 'same' convolution with 3 output channels, then x + y), as copied by the reporter: the image is declared
channels first, Input(shape=(3, 256, 256)), while Conv2D works channels last, so the convolution returns
(3, 256, 3) and the residual sum cannot add it to the (3, 256, 256) input
(keras-team/keras#7188: "ValueError: Operands could not be broadcast together with shapes (3, 256, 256)
(3, 256, 3)"; the reporter: image_data_format is channels_last, only shape=(256, 256, 3) works)."""
import keras
from keras import layers

# input tensor for a 3-channel image (256 x 256 in the guide)
x = keras.Input(shape=(3, 32, 32))  # heldout: mistake
# 3x3 conv with 3 output channels (same as input channels)
y = layers.Conv2D(3, (3, 3), padding="same")(x)  # heldout: mistake
# this returns x + y.
z = layers.add([x, y])  # heldout: mistake

model = keras.Model(x, z)
model.compile(optimizer="adam", loss="mse")
