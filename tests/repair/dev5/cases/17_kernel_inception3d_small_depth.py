"""The stem and first reduction block of a 3-D InceptionV3 (valid 3 x 3 x 3 convolutions and poolings with
stride 2) on volumes too shallow in depth for them.

Source: https://github.com/ZFTurbo/classification_models_3D/issues/6
"""
from keras.models import Model
from keras.layers import (Input, Conv3D, MaxPooling3D, BatchNormalization, Activation, GlobalAveragePooling3D,
                          Dense, concatenate)


def conv3d_bn(x, filters, k, strides=1, padding="same"):
    x = Conv3D(filters, k, strides=strides, padding=padding, use_bias=False)(x)  # heldout: mistake
    x = BatchNormalization(scale=False)(x)
    return Activation("relu")(x)


def InceptionV3_3D(input_shape, classes, f=4):
    img_input = Input(shape=input_shape)
    x = conv3d_bn(img_input, f * 2, 3, strides=2, padding="valid")
    x = conv3d_bn(x, f * 2, 3, padding="valid")
    x = conv3d_bn(x, f * 4, 3)
    x = MaxPooling3D(3, strides=2)(x)
    x = conv3d_bn(x, f * 5, 1, padding="valid")
    x = conv3d_bn(x, f * 12, 3, padding="valid")
    x = MaxPooling3D(3, strides=2)(x)
    # reduction block (mixed3)
    branch3x3 = conv3d_bn(x, f * 12, 3, strides=2, padding="valid")  # heldout: mistake
    branch3x3dbl = conv3d_bn(x, f * 4, 1)
    branch3x3dbl = conv3d_bn(branch3x3dbl, f * 6, 3)
    branch3x3dbl = conv3d_bn(branch3x3dbl, f * 6, 3, strides=2, padding="valid")
    branch_pool = MaxPooling3D(3, strides=2)(x)
    x = concatenate([branch3x3, branch3x3dbl, branch_pool], axis=-1)
    x = GlobalAveragePooling3D()(x)
    out = Dense(classes, activation="softmax")(x)
    return Model(img_input, out)


model = InceptionV3_3D(input_shape=(32, 64, 64, 1), classes=2)
model.compile(optimizer="adam", loss="categorical_crossentropy")
