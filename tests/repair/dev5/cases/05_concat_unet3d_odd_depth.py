"""3-D registration U-Net (moving and fixed volumes stacked as channels, a 3-channel flow field out) on volumes
whose depth is odd at the second level (IXI: 256 x 256 x 150); the decoder's upsampled map is one slice deeper than
the skip it is concatenated with.

Source: https://github.com/MungoMeng/Registration-AAN/issues/3
"""
from keras.models import Model
from keras.layers import Input, Conv3D, UpSampling3D, LeakyReLU, concatenate


def conv_block(x, nf, strides=1):
    x = Conv3D(nf, 3, strides=strides, padding="same")(x)
    return LeakyReLU(0.2)(x)


def unet_core(vol_size, enc_nf=(8, 16, 16), dec_nf=(16, 16, 8)):
    src = Input(shape=(*vol_size, 1))
    tgt = Input(shape=(*vol_size, 1))
    x_in = concatenate([src, tgt])
    x0 = conv_block(x_in, enc_nf[0], 2)
    x1 = conv_block(x0, enc_nf[1], 2)
    x2 = conv_block(x1, enc_nf[2], 2)
    x = conv_block(x2, dec_nf[0])
    x = UpSampling3D()(x)
    x = concatenate([x, x1])  # heldout: mistake
    x = conv_block(x, dec_nf[1])
    x = UpSampling3D()(x)
    x = concatenate([x, x0])
    x = conv_block(x, dec_nf[2])
    x = UpSampling3D()(x)
    flow = Conv3D(3, 3, padding="same", name="flow")(x)
    return Model([src, tgt], flow)


model = unet_core((16, 16, 10))  # heldout: mistake
model.compile(optimizer="adam", loss="mse")
