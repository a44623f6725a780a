"""U-Net (ported from the PyTorch UNet: double-conv blocks, 2 x 2 max-pool down, 2 x 2 upsampling and concatenation
up) on images whose size becomes odd on the way down; the upsampled map is one pixel smaller than its skip.

Source: https://github.com/milesial/Pytorch-UNet/issues/32
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, Conv2DTranspose, BatchNormalization, Activation, concatenate


def double_conv(x, filters):
    for _ in range(2):
        x = Conv2D(filters, 3, padding="same")(x)
        x = BatchNormalization()(x)
        x = Activation("relu")(x)
    return x


def up(x, skip, filters):
    x = Conv2DTranspose(filters, 2, strides=2)(x)
    x = concatenate([skip, x], axis=-1)  # heldout: mistake
    return double_conv(x, filters)


def unet(height, width, n_channels=3, n_classes=1, base=8):
    inputs = Input(shape=(height, width, n_channels))
    x1 = double_conv(inputs, base)
    x2 = double_conv(MaxPooling2D(2)(x1), base * 2)
    x3 = double_conv(MaxPooling2D(2)(x2), base * 4)
    x4 = double_conv(MaxPooling2D(2)(x3), base * 8)
    x = up(x4, x3, base * 4)
    x = up(x, x2, base * 2)
    x = up(x, x1, base)
    out = Conv2D(n_classes, 1, activation="sigmoid")(x)
    return Model(inputs, out)


model = unet(36, 44)  # heldout: mistake
model.compile(optimizer="adam", loss="binary_crossentropy")
