"""FaceNet inception block written for channels-first (concatenate on axis=1), built with input (96, 96, 3)
in channels-last Keras.

Source: https://github.com/keras-team/keras/issues/14346
"""
from keras.layers import Input, Conv2D, BatchNormalization, Activation, MaxPooling2D, ZeroPadding2D
from keras.layers import concatenate, GlobalAveragePooling2D, Dense
from keras.models import Model


def inception_block_1a(X):
    X_3x3 = Conv2D(96, (1, 1), name="inception_3a_3x3_conv1")(X)
    X_3x3 = BatchNormalization(epsilon=0.00001)(X_3x3)
    X_3x3 = Activation("relu")(X_3x3)
    X_3x3 = ZeroPadding2D(padding=(1, 1))(X_3x3)
    X_3x3 = Conv2D(128, (3, 3), name="inception_3a_3x3_conv2")(X_3x3)
    X_3x3 = Activation("relu")(X_3x3)

    X_5x5 = Conv2D(16, (1, 1), name="inception_3a_5x5_conv1")(X)
    X_5x5 = Activation("relu")(X_5x5)
    X_5x5 = ZeroPadding2D(padding=(2, 2))(X_5x5)
    X_5x5 = Conv2D(32, (5, 5), name="inception_3a_5x5_conv2")(X_5x5)
    X_5x5 = Activation("relu")(X_5x5)

    X_pool = MaxPooling2D(pool_size=3, strides=2)(X)
    X_pool = Conv2D(32, (1, 1), name="inception_3a_pool_conv")(X_pool)
    X_pool = Activation("relu")(X_pool)
    X_pool = ZeroPadding2D(padding=((3, 4), (3, 4)))(X_pool)

    X_1x1 = Conv2D(64, (1, 1), name="inception_3a_1x1_conv")(X)
    X_1x1 = Activation("relu")(X_1x1)

    inception = concatenate([X_3x3, X_5x5, X_pool, X_1x1], axis=1)  # heldout: mistake
    return inception


def facenet_model(input_shape):
    X_input = Input(input_shape)
    X = ZeroPadding2D((3, 3))(X_input)
    X = Conv2D(64, (7, 7), strides=(2, 2), name="conv1")(X)
    X = BatchNormalization(axis=1, name="bn1")(X)
    X = Activation("relu")(X)
    X = ZeroPadding2D((1, 1))(X)
    X = MaxPooling2D((3, 3), strides=2)(X)
    X = Conv2D(192, (3, 3), padding="same", name="conv2")(X)
    X = Activation("relu")(X)
    X = MaxPooling2D(pool_size=3, strides=2, padding="same")(X)
    X = inception_block_1a(X)
    X = GlobalAveragePooling2D()(X)
    X = Dense(128, name="dense_layer")(X)
    return Model(inputs=X_input, outputs=X, name="FaceRecoModel")


model = facenet_model(input_shape=(96, 96, 3))
model.compile(optimizer="adam", loss="mse")
