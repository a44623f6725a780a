"""pix2pix-style U-Net generator g_unet(in_ch, out_ch, nf) for retinal vessel maps, written for Theano ordering:
the input is (in_ch, rows, cols) while the layers are channels_last.

Source: https://github.com/costapt/vess2ret/issues/1
"""
from keras.models import Model
from keras.layers import Input, Conv2D, Conv2DTranspose, BatchNormalization, LeakyReLU, Activation, concatenate


def down(x, nf):
    x = Conv2D(nf, (3, 3), strides=(2, 2), padding="same")(x)
    x = BatchNormalization()(x)
    return LeakyReLU(0.2)(x)


def up(x, skip, nf):
    x = Conv2DTranspose(nf, (2, 2), strides=(2, 2))(x)
    x = BatchNormalization()(x)
    x = Activation("relu")(x)
    return concatenate([x, skip], axis=-1)


def g_unet(in_ch, out_ch, nf, size=64):
    i = Input(shape=(in_ch, size, size))  # heldout: mistake
    d1 = down(i, nf)            # 32
    d2 = down(d1, nf * 2)       # 16
    d3 = down(d2, nf * 4)       # 8
    d4 = down(d3, nf * 8)       # 4
    d5 = down(d4, nf * 8)       # 2
    b = Conv2D(nf * 8, (2, 2), padding="valid")(d5)  # heldout: mistake
    b = Activation("relu")(b)   # 1
    u5 = up(b, d5, nf * 8)
    u4 = up(u5, d4, nf * 8)
    u3 = up(u4, d3, nf * 4)
    u2 = up(u3, d2, nf * 2)
    u1 = up(u2, d1, nf)
    out = Conv2DTranspose(out_ch, (2, 2), strides=(2, 2))(u1)
    out = Activation("sigmoid")(out)
    return Model(i, out, name="unet")


model = g_unet(3, 1, 8)
model.compile(optimizer="adam", loss="binary_crossentropy")
