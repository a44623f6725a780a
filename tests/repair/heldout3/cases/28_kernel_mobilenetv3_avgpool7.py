"""MobileNetV3-style classifier whose head pools with a fixed 7x7 window, built for 224x224 and fed smaller images."""
import keras
from keras import layers


def bneck(x, expansion, out_channels, stride):
    in_channels = x.shape[-1]
    y = layers.Conv2D(in_channels * expansion, 1, padding="same", activation="relu")(x)
    y = layers.DepthwiseConv2D(3, strides=stride, padding="same", activation="relu")(y)
    y = layers.Conv2D(out_channels, 1, padding="same")(y)
    if stride == 1 and in_channels == out_channels:
        y = layers.add([x, y])
    return y


def MobileNetV3Small(input_shape, num_classes):
    inp = keras.Input(shape=input_shape)  # heldout: mistake
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="hard_swish")(inp)
    x = bneck(x, 1, 16, 2)
    x = bneck(x, 4, 24, 2)
    x = bneck(x, 3, 24, 1)
    x = bneck(x, 4, 40, 2)
    x = bneck(x, 6, 48, 2)
    x = layers.Conv2D(96, 1, padding="same", activation="hard_swish")(x)
    x = layers.AveragePooling2D(pool_size=(7, 7), strides=1)(x)  # heldout: mistake
    x = layers.Conv2D(num_classes, 1, padding="same", activation="softmax")(x)
    out = layers.Flatten()(x)
    return keras.Model(inp, out)


model = MobileNetV3Small((128, 128, 3), 10)
model.compile(loss="categorical_crossentropy", optimizer="adam")
