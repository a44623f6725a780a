"""Inception-v4 stem with the merge axis of the Theano ordering (axis 1) on channels-last images."""
import keras
from keras import layers

channel_axis = 1  # heldout: mistake


def conv_block(x, nb_filter, nb_row, nb_col, padding="same", strides=(1, 1)):
    x = layers.Conv2D(nb_filter, (nb_row, nb_col), strides=strides, padding=padding)(x)
    x = layers.BatchNormalization(axis=-1)(x)
    return layers.Activation("relu")(x)


def inception_stem(x):
    x = conv_block(x, 16, 3, 3, strides=(2, 2), padding="valid")
    x = conv_block(x, 16, 3, 3, padding="valid")
    x = conv_block(x, 32, 3, 3)
    x1 = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="valid")(x)
    x2 = conv_block(x, 48, 3, 3, strides=(2, 2), padding="valid")
    x = layers.concatenate([x1, x2], axis=channel_axis)  # heldout: mistake
    x1 = conv_block(x, 32, 1, 1)
    x1 = conv_block(x1, 48, 3, 3, padding="valid")
    x2 = conv_block(x, 32, 1, 1)
    x2 = conv_block(x2, 32, 1, 7)
    x2 = conv_block(x2, 32, 7, 1)
    x2 = conv_block(x2, 48, 3, 3, padding="valid")
    return layers.concatenate([x1, x2], axis=channel_axis)


def create_inception_v4(nb_classes=10, size=47):
    init = keras.Input((size, size, 3))
    x = inception_stem(init)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.2)(x)
    out = layers.Dense(nb_classes, activation="softmax")(x)
    return keras.Model(init, out, name="Inception-v4")


model = create_inception_v4()
model.compile(optimizer="adam", loss="categorical_crossentropy")
