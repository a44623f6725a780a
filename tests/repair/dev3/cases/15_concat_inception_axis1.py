"""Ultrasound nerve segmentation: an inception block merged with concat_axis=1 on Theano-ordered (1, 80, 112) images.

Source: https://github.com/EdwardTyantov/ultrasound-nerve-segmentation/issues/11
"""
import keras
from keras.layers import Input, Conv2D, MaxPooling2D, BatchNormalization, Activation, concatenate


def NConv2D(filters, size, x):
    x = Conv2D(filters, size, padding="same")(x)
    x = BatchNormalization()(x)
    return Activation("relu")(x)


def inception_block(inputs, depth):
    c1_1 = NConv2D(depth // 4, 1, inputs)
    c2_1 = NConv2D(depth // 8 * 3, 1, inputs)
    c2_3 = NConv2D(depth // 2, 3, c2_1)
    c3_1 = NConv2D(depth // 16, 1, inputs)
    c3_3 = NConv2D(depth // 8, 5, c3_1)
    p4_1 = MaxPooling2D(pool_size=(3, 3), strides=(1, 1), padding="same")(inputs)
    c4_2 = NConv2D(depth // 8, 1, p4_1)
    return concatenate([c1_1, c2_3, c3_3, c4_2], axis=1)  # heldout: mistake


def get_unet(img_rows=80, img_cols=112):
    inputs = Input((1, img_rows, img_cols))  # heldout: mistake
    x = inception_block(inputs, 32)
    x = inception_block(x, 32)
    out = Conv2D(1, 1, activation="sigmoid")(x)
    return keras.Model(inputs, out)


model = get_unet()
model.compile(optimizer="adam", loss="binary_crossentropy")
