"""The same factory-made decoder block on a 30-pixel image: the strided convolutions give 15 and 8 (padding "same"
rounds up), the upsampled 16 x 16 path meets its 15 x 15 skip in the Concatenate the closure applies."""
import keras
from keras import layers


def up_block(filters, skip=None):
    def block(inputs):
        x = layers.UpSampling2D(2)(inputs)
        if skip is not None:
            x = layers.Concatenate()([x, skip])  # keras-error
        return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return block


inputs = keras.Input(shape=(30, 30, 3))
s1 = layers.Conv2D(8, 3, strides=2, padding="same")(inputs)
s2 = layers.Conv2D(16, 3, strides=2, padding="same")(s1)
x = up_block(8, skip=s1)(s2)
x = up_block(4)(x)
model = keras.Model(inputs, layers.Conv2D(1, 1, activation="sigmoid")(x))
