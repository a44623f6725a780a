"""ResNet of the Hands-On ML book (ResidualUnit layers added in a loop, stride 2 whenever the filter count grows)
adapted to 3-D volumes with bottleneck units: both the 1x1x1 and the 3x3x3 convolutions of the main path use
strides=strides, while the shortcut is strided once, so a stride-2 unit adds a 1/4-size main path to a 1/2-size
shortcut (ageron/handson-ml2#96)."""
from functools import partial

import keras
from keras import layers

DefaultConv3D = partial(layers.Conv3D, kernel_size=3, strides=1, padding="same", use_bias=False)


class ResidualUnit(layers.Layer):
    def __init__(self, filters, strides=1, activation="relu", **kwargs):
        super().__init__(**kwargs)
        self.activation = keras.activations.get(activation)
        self.main_layers = [
            DefaultConv3D(filters, kernel_size=1, strides=strides),  # heldout: mistake
            layers.BatchNormalization(),
            layers.Activation(activation),
            DefaultConv3D(filters, kernel_size=3, strides=strides),  # heldout: mistake
            layers.BatchNormalization(),
            layers.Activation(activation),
            DefaultConv3D(filters, kernel_size=1),
            layers.BatchNormalization()]
        self.skip_layers = []
        if strides > 1:
            self.skip_layers = [
                DefaultConv3D(filters, kernel_size=1, strides=strides),
                layers.BatchNormalization()]

    def call(self, inputs):
        Z = inputs
        for layer in self.main_layers:
            Z = layer(Z)
        skip_Z = inputs
        for layer in self.skip_layers:
            skip_Z = layer(skip_Z)
        return self.activation(Z + skip_Z)  # heldout: mistake


def build_resnet(input_shape, n_classes, stages=(8, 8, 16, 16, 32)):
    model = keras.Sequential()
    model.add(keras.Input(shape=input_shape))
    model.add(DefaultConv3D(8, kernel_size=7, strides=2))
    model.add(layers.BatchNormalization())
    model.add(layers.Activation("relu"))
    model.add(layers.MaxPool3D(pool_size=3, strides=2, padding="same"))
    prev_filters = stages[0]
    for filters in stages:
        strides = 1 if filters == prev_filters else 2
        model.add(ResidualUnit(filters, strides=strides))
        prev_filters = filters
    model.add(layers.GlobalAvgPool3D())
    model.add(layers.Flatten())
    model.add(layers.Dense(n_classes, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = build_resnet(input_shape=(24, 28, 24, 1), n_classes=2)
