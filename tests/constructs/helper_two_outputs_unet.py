"""A helper returning two tensors (U-Net encoder step: skip + pooled), and a decoder helper using both."""
import keras
from keras import layers


def encoder_step(x, filters):
    c = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    c = layers.Conv2D(filters, 3, padding="same", activation="relu")(c)
    p = layers.MaxPooling2D(2)(c)
    return c, p


def decoder_step(x, skip, filters):
    x = layers.Conv2DTranspose(filters, 2, strides=2, padding="same")(x)
    x = layers.concatenate([x, skip])
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return x


def build_unet(img_size=(96, 96), num_classes=3):
    inputs = keras.Input(shape=img_size + (1,))
    s1, p1 = encoder_step(inputs, 16)
    s2, p2 = encoder_step(p1, 32)
    s3, p3 = encoder_step(p2, 64)
    bottom = layers.Conv2D(128, 3, padding="same", activation="relu")(p3)
    d3 = decoder_step(bottom, s3, 64)
    d2 = decoder_step(d3, s2, 32)
    d1 = decoder_step(d2, s1, filters=16)
    outputs = layers.Conv2D(num_classes, 1, activation="softmax")(d1)
    return keras.Model(inputs, outputs, name="unet")


unet = build_unet()
