"""Inception-v4 stem whose branch merges concatenate on `channel_axis = 1`, the channel axis of the Theano
ordering, while the images and every layer are channels-last: the max-pool branch (73, 73, 64) and the stride-2
conv branch (73, 73, 96) differ in their last axis, not in axis 1, and the merge fails (e-com-net.com 1298463006128152576,
a blog post on merge([x1, x2], mode='concat', concat_axis=channel_axis) in ineptionV4.py: "Layer shapes:
[(None, 73, 73, 64), (None, 73, 73, 96)]")."""
import keras
from keras import layers

channel_axis = 1  # heldout: mistake


def conv_block(x, nb_filter, nb_row, nb_col, padding="same", strides=(1, 1)):
    x = layers.Conv2D(nb_filter, (nb_row, nb_col), strides=strides, padding=padding)(x)
    x = layers.BatchNormalization(axis=channel_axis)(x)
    return layers.Activation("relu")(x)


def stem(inputs):
    x = conv_block(inputs, 8, 3, 3, strides=(2, 2), padding="valid")
    x = conv_block(x, 8, 3, 3, padding="valid")
    x = conv_block(x, 16, 3, 3)

    x1 = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="valid")(x)
    x2 = conv_block(x, 24, 3, 3, strides=(2, 2), padding="valid")
    x = layers.concatenate([x1, x2], axis=channel_axis)  # heldout: mistake

    x1 = conv_block(x, 16, 1, 1)
    x1 = conv_block(x1, 24, 3, 3, padding="valid")
    x2 = conv_block(x, 16, 1, 1)
    x2 = conv_block(x2, 16, 1, 7)
    x2 = conv_block(x2, 16, 7, 1)
    x2 = conv_block(x2, 24, 3, 3, padding="valid")
    return layers.concatenate([x1, x2], axis=channel_axis)  # heldout: mistake


def create_model(nb_classes, input_shape=(75, 75, 3)):
    inputs = keras.Input(shape=input_shape)
    x = stem(inputs)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(nb_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="inception_v4_stem")


model = create_model(5)
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
