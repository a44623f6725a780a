"""Keras tutorial, convolutional part: a Conv2D model for 28x28x1 images trained on the flattened (N, 784) arrays
the earlier (dense) part of the tutorial prepared.

Source: https://github.com/jeremyfix/deeplearning-lectures/issues/1
"""
import keras
from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense

img_rows, img_cols = 28, 28
num_classes = 10


def build_convnet(input_shape, num_classes):
    xi = Input(shape=input_shape)  # heldout: mistake
    x = Conv2D(16, (5, 5), padding="same", activation="relu")(xi)
    x = MaxPooling2D(pool_size=(2, 2))(x)
    x = Conv2D(32, (5, 5), padding="same", activation="relu")(x)
    x = MaxPooling2D(pool_size=(2, 2))(x)
    x = Flatten()(x)
    y = Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs=xi, outputs=y)


model = build_convnet((img_rows, img_cols, 1), num_classes)
model.compile(loss="categorical_crossentropy", optimizer="adam")
