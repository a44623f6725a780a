"""Retraining the last blocks of a VGG16 built without its top: the model's output is still block5_pool, trained
directly against one label per image.

Source: https://github.com/keras-team/keras/issues/13998
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D


def vgg_block(x, filters, n_convs, name):
    for i in range(n_convs):
        x = Conv2D(filters, (3, 3), activation="relu", padding="same", name=f"{name}_conv{i + 1}")(x)
    return MaxPooling2D((2, 2), strides=(2, 2), name=f"{name}_pool")(x)


def vgg16_no_top(input_shape, width=8):
    inputs = Input(shape=input_shape)
    x = vgg_block(inputs, width, 2, "block1")
    x = vgg_block(x, width * 2, 2, "block2")
    x = vgg_block(x, width * 4, 3, "block3")
    x = vgg_block(x, width * 8, 3, "block4")
    x = vgg_block(x, width * 8, 3, "block5")
    return Model(inputs, x)  # heldout: mistake


model = vgg16_no_top((64, 64, 3))
for layer in model.layers[:9]:
    layer.trainable = False
model.compile(optimizer="rmsprop", loss="binary_crossentropy")
