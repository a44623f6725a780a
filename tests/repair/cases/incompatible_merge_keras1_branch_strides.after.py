"""incompatible-merge: a multi-branch block written with Keras 1's Convolution2D(filters, rows, cols) spelling:
Conv2D(12, 3, 3) strides by 3 since Keras 2, so its branch comes out a third of the 1x1 branch's size.  The
kernels are written as the (rows, cols) pairs meant."""
import keras
from keras import layers


def block(x):
    one = layers.Conv2D(8, 1, 1, padding="same", activation="relu")(x)
    three = layers.Conv2D(12, (3, 3), 1, padding="same", activation="relu")(x)
    pooled = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    return layers.Concatenate()([one, three, pooled])


inputs = keras.Input((30, 30, 3))
x = block(layers.Conv2D(6, 3, padding="same")(inputs))
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(3, activation="softmax")(x))
model.compile(optimizer="adam", loss="categorical_crossentropy")
