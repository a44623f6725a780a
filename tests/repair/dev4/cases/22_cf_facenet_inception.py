"""FaceNet-style inception blocks (helper functions) on Theano-ordered (3, 96, 96) faces, channels_last layers;
the branches are concatenated on axis -1.

Source: https://github.com/soumik12345/Nearest-Celebrity-Face/issues/17
"""
from keras.models import Model
from keras.layers import (Input, Conv2D, MaxPooling2D, ZeroPadding2D, BatchNormalization, Activation,
                          GlobalAveragePooling2D, Dense, concatenate)


def conv_bn(x, filters, kernel, strides=(1, 1), padding="same"):
    x = Conv2D(filters, kernel, strides=strides, padding=padding)(x)
    x = BatchNormalization(axis=1, epsilon=0.00001)(x)
    return Activation("relu")(x)


def inception_block_1a(X):
    X_3x3 = conv_bn(X, 16, (1, 1))
    X_3x3 = ZeroPadding2D(padding=(1, 1))(X_3x3)
    X_3x3 = conv_bn(X_3x3, 32, (3, 3), padding="valid")
    X_5x5 = conv_bn(X, 4, (1, 1))
    X_5x5 = ZeroPadding2D(padding=(2, 2))(X_5x5)
    X_5x5 = conv_bn(X_5x5, 8, (5, 5), padding="valid")
    X_pool = MaxPooling2D(pool_size=3, strides=2)(X)  # heldout: mistake
    X_pool = conv_bn(X_pool, 8, (1, 1))
    X_pool = ZeroPadding2D(padding=((3, 4), (3, 4)))(X_pool)
    X_1x1 = conv_bn(X, 16, (1, 1))
    return concatenate([X_3x3, X_5x5, X_pool, X_1x1], axis=-1)  # heldout: mistake


def faceRecoModel(input_shape):
    X_input = Input(input_shape)  # heldout: mistake
    X = ZeroPadding2D((3, 3))(X_input)
    X = conv_bn(X, 16, (7, 7), strides=(2, 2), padding="valid")
    X = ZeroPadding2D((1, 1))(X)
    X = MaxPooling2D((3, 3), strides=2)(X)
    X = conv_bn(X, 16, (1, 1))
    X = ZeroPadding2D((1, 1))(X)
    X = conv_bn(X, 48, (3, 3), padding="valid")
    X = ZeroPadding2D((1, 1))(X)
    X = MaxPooling2D(pool_size=3, strides=2)(X)
    X = inception_block_1a(X)
    X = GlobalAveragePooling2D()(X)
    X = Dense(32, name="dense_layer")(X)
    return Model(inputs=X_input, outputs=X, name="FaceRecoModel")


model = faceRecoModel(input_shape=(3, 96, 96))
model.compile(optimizer="adam", loss="mse")
