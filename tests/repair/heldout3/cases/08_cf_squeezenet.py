"""SqueezeNet written for Theano-ordered inputs (3, rows, cols) with fire-module helpers, run channels_last."""
import keras
from keras import layers


def fire_module(x, squeeze, expand):
    s = layers.Conv2D(squeeze, (1, 1), activation="relu", padding="valid")(x)
    left = layers.Conv2D(expand, (1, 1), activation="relu", padding="valid")(s)
    right = layers.Conv2D(expand, (3, 3), activation="relu", padding="same")(s)
    return layers.concatenate([left, right])


def SqueezeNet(nb_classes, inputs=(3, 64, 64)):
    input_img = keras.Input(shape=inputs)  # heldout: mistake
    x = layers.Conv2D(32, (3, 3), activation="relu", strides=(2, 2), padding="valid")(input_img)
    x = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2))(x)  # heldout: mistake
    x = fire_module(x, 8, 16)
    x = fire_module(x, 8, 16)
    x = layers.MaxPooling2D(pool_size=(3, 3), strides=(2, 2))(x)
    x = fire_module(x, 16, 32)
    x = layers.Dropout(0.5)(x)
    x = layers.Conv2D(nb_classes, (1, 1), padding="valid")(x)
    x = layers.GlobalAveragePooling2D()(x)
    out = layers.Activation("softmax")(x)
    return keras.Model(input_img, out)


model = SqueezeNet(10)
model.compile(loss="categorical_crossentropy", optimizer="adam")
