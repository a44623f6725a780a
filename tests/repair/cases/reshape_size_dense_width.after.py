"""reshape-size: a decoder whose Dense width is computed (int(24.5 * 2 + 1) = 50) for a 7 x 7 x 1 Reshape: the width follows the Reshape."""
import keras
from keras import layers

latent = 8
inputs_decoder = 24.5
decoder_input = keras.Input((latent,))
x = layers.Dense(49, activation="relu")(decoder_input)
x = layers.Reshape((7, 7, 1))(x)
x = layers.Conv2DTranspose(8, 3, strides=2, padding="same")(x)
decoder = keras.Model(decoder_input, x)
