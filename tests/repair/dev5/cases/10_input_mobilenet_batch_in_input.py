"""A MobileNet-style feature extractor applied to an Input whose shape was written with a leading batch axis of 1
(Input(shape=(1, size, size, 3))).

Source: https://github.com/keras-team/keras/issues/10126
"""
from keras.models import Model
from keras.layers import (Input, Conv2D, DepthwiseConv2D, BatchNormalization, ReLU, GlobalAveragePooling2D,
                          Dense)


def dw_block(x, filters, strides=1):
    x = DepthwiseConv2D(3, strides=strides, padding="same")(x)
    x = BatchNormalization()(x)
    x = ReLU(6.0)(x)
    x = Conv2D(filters, 1)(x)
    x = BatchNormalization()(x)
    return ReLU(6.0)(x)


def mobilenet_features(x, alpha=8):
    x = Conv2D(alpha, 3, strides=2, padding="same")(x)  # heldout: mistake
    x = dw_block(x, alpha * 2)
    x = dw_block(x, alpha * 4, strides=2)
    x = dw_block(x, alpha * 4)
    x = dw_block(x, alpha * 8, strides=2)
    return x


def build_model(input_size, n_classes):
    input_image = Input(shape=(1, input_size, input_size, 3))  # heldout: mistake
    features = mobilenet_features(input_image)
    x = GlobalAveragePooling2D()(features)
    out = Dense(n_classes, activation="softmax")(x)
    return Model(input_image, out)


model = build_model(64, 5)
model.compile(optimizer="adam", loss="categorical_crossentropy")
