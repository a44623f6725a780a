"""MobileNet-style U-Net (depthwise-separable encoder, transposed-conv decoder with skip concatenations) built for
inputs divisible by 32, called on a size that is not (the reporter used 240 instead of 224).

Source: https://github.com/akirasosa/mobile-semantic-segmentation/issues/13
"""
from keras.models import Model
from keras.layers import Input, Conv2D, SeparableConv2D, Conv2DTranspose, BatchNormalization, Activation, concatenate


def sep_block(x, filters, strides=1):
    x = SeparableConv2D(filters, (3, 3), strides=strides, padding="same")(x)
    x = BatchNormalization()(x)
    return Activation("relu")(x)


def mobile_unet(img_size, filters=8):
    inputs = Input(shape=(img_size, img_size, 3))
    b00 = Conv2D(filters, (3, 3), strides=2, padding="same", activation="relu")(inputs)
    b01 = sep_block(b00, filters * 2)
    b03 = sep_block(b01, filters * 4, strides=2)
    b05 = sep_block(b03, filters * 8, strides=2)
    b11 = sep_block(b05, filters * 16, strides=2)
    b13 = sep_block(b11, filters * 32, strides=2)
    up1 = concatenate([Conv2DTranspose(filters * 16, (2, 2), strides=2, padding="same")(b13), b11],
                      axis=3)  # heldout: mistake
    b14 = sep_block(up1, filters * 16)
    up2 = concatenate([Conv2DTranspose(filters * 8, (2, 2), strides=2, padding="same")(b14), b05], axis=3)
    b15 = sep_block(up2, filters * 8)
    up3 = concatenate([Conv2DTranspose(filters * 4, (2, 2), strides=2, padding="same")(b15), b03], axis=3)
    b16 = sep_block(up3, filters * 4)
    up4 = concatenate([Conv2DTranspose(filters * 2, (2, 2), strides=2, padding="same")(b16), b01], axis=3)
    b17 = sep_block(up4, filters * 2)
    b18 = Conv2DTranspose(filters, (2, 2), strides=2, padding="same")(b17)
    out = Conv2D(1, (1, 1), activation="sigmoid")(b18)
    return Model(inputs, out)


model = mobile_unet(48)  # heldout: mistake
model.compile(optimizer="adam", loss="binary_crossentropy")
