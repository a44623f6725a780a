"""A decoder block made by a factory whose inner function closes over an optional skip tensor
(segmentation_models' up_block): `if skip is not None` is known when the factory was given a tensor or None."""
import keras
from keras import layers


def up_block(filters, skip=None):
    def block(inputs):
        x = layers.UpSampling2D(2)(inputs)
        if skip is not None:
            x = layers.Concatenate()([x, skip])
        return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return block


inputs = keras.Input(shape=(32, 32, 3))
s1 = layers.Conv2D(8, 3, strides=2, padding="same")(inputs)
s2 = layers.Conv2D(16, 3, strides=2, padding="same")(s1)
x = up_block(8, skip=s1)(s2)
x = up_block(4)(x)
model = keras.Model(inputs, layers.Conv2D(1, 1, activation="sigmoid")(x))
