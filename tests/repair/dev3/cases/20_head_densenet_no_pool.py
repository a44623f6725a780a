"""CIFAR-10 DenseNet builder whose classifier Dense is applied to the last feature map (no pooling/Flatten).

Source: https://github.com/keras-team/keras-contrib/issues/304
"""
import keras
from keras import layers


def conv_block(x, growth_rate):
    y = layers.BatchNormalization()(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(growth_rate, 3, padding="same")(y)
    return layers.Concatenate()([x, y])


def dense_block(x, nb_layers, growth_rate):
    for _ in range(nb_layers):
        x = conv_block(x, growth_rate)
    return x


def transition_block(x, filters):
    x = layers.BatchNormalization()(x)
    x = layers.Conv2D(filters, 1, padding="same")(x)
    return layers.AveragePooling2D(2)(x)


def DenseNet(input_shape=(32, 32, 3), depth=3, nb_layers=2, growth_rate=8, classes=10):
    inp = keras.Input(shape=input_shape)
    x = layers.Conv2D(2 * growth_rate, 3, padding="same")(inp)
    for i in range(depth - 1):
        x = dense_block(x, nb_layers, growth_rate)
        x = transition_block(x, 2 * growth_rate)
    x = dense_block(x, nb_layers, growth_rate)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    out = layers.Dense(classes, activation="softmax")(x)  # heldout: mistake
    return keras.Model(inp, out)


model = DenseNet()
model.compile(optimizer="adam", loss="categorical_crossentropy")
