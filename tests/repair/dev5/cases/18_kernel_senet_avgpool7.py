"""SE-ResNet-style classifier (squeeze-and-excitation blocks) whose final AveragePooling2D((7, 7)) assumes the
224-style input (7 x 7 at the end), used on smaller images for transfer learning.

Source: https://github.com/qubvel/classification_models/issues/11
"""
from keras.models import Model
from keras.layers import (Input, Conv2D, BatchNormalization, Activation, GlobalAveragePooling2D, Dense, Reshape,
                          Multiply, Add, AveragePooling2D, Flatten, MaxPooling2D)


def se_block(x, filters, ratio=4):
    s = GlobalAveragePooling2D()(x)
    s = Dense(filters // ratio, activation="relu")(s)
    s = Dense(filters, activation="sigmoid")(s)
    s = Reshape((1, 1, filters))(s)
    return Multiply()([x, s])


def se_res_block(x, filters, strides):
    shortcut = Conv2D(filters, 1, strides=strides, padding="same")(x)
    y = Conv2D(filters, 3, strides=strides, padding="same")(x)
    y = BatchNormalization()(y)
    y = Activation("relu")(y)
    y = Conv2D(filters, 3, padding="same")(y)
    y = BatchNormalization()(y)
    y = se_block(y, filters)
    return Activation("relu")(Add()([shortcut, y]))


def senet(input_shape, classes, width=8):
    inputs = Input(shape=input_shape)
    x = Conv2D(width, 7, strides=2, padding="same")(inputs)
    x = MaxPooling2D(3, strides=2, padding="same")(x)
    x = se_res_block(x, width, 1)
    x = se_res_block(x, width * 2, 2)
    x = se_res_block(x, width * 4, 2)
    x = se_res_block(x, width * 8, 2)
    x = AveragePooling2D((7, 7), name="avg_pool")(x)  # heldout: mistake
    x = Flatten()(x)
    out = Dense(classes, activation="softmax")(x)
    return Model(inputs, out)


model = senet((128, 128, 3), 5)
model.compile(optimizer="adam", loss="categorical_crossentropy")
