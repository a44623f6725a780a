"""PyTorch DCGAN generator re-written in Keras: the 100-d noise vector goes straight into a 4x4
Conv2DTranspose (PyTorch feeds it as a (nz, 1, 1) map).

Source: https://datascience.stackexchange.com/questions/55092/pytorch-convolution-input-reshaping
"""
from keras.models import Model
from keras.layers import Input, Conv2DTranspose, BatchNormalization, ReLU, Activation


def build_generator(nz=100, ngf=8, nc=3):
    z = Input(shape=(nz,))  # heldout: mistake
    x = Conv2DTranspose(ngf * 8, 4, strides=1, padding="valid", use_bias=False)(z)  # heldout: mistake
    x = BatchNormalization()(x)
    x = ReLU()(x)
    x = Conv2DTranspose(ngf * 4, 4, strides=2, padding="same", use_bias=False)(x)
    x = BatchNormalization()(x)
    x = ReLU()(x)
    x = Conv2DTranspose(ngf * 2, 4, strides=2, padding="same", use_bias=False)(x)
    x = BatchNormalization()(x)
    x = ReLU()(x)
    x = Conv2DTranspose(nc, 4, strides=2, padding="same", use_bias=False)(x)
    img = Activation("tanh")(x)
    return Model(z, img)


model = build_generator()
model.compile(optimizer="adam", loss="mse")
