"""VGG-style classifier (five conv blocks, each closed by a 2x2 max pooling without padding) trained on 28x28x1
MNIST digits: the fourth pooling leaves a 1x1 map and the fifth pooling cannot take a 2x2 window from it
(blog.csdn.net qq_43260356/107659168, "用vgg和alexnet在mnist数据集上遇到的错误 (Negative dimension size caused by
subtracting ... )": convolutions padded with zeros, poolings not padded)."""
import keras
from keras import layers


def vgg_block(x, filters, n_convs):
    for _ in range(n_convs):
        x = layers.Conv2D(filters, (3, 3), padding="same", activation="relu")(x)
    return layers.MaxPooling2D(pool_size=(2, 2), strides=(2, 2), padding="valid")(x)  # heldout: mistake


def build_vgg(input_shape, n_classes, widths=(8, 16, 32, 32, 32)):
    inputs = keras.Input(shape=input_shape)  # heldout: mistake
    x = inputs
    for i, w in enumerate(widths):
        x = vgg_block(x, w, 2 if i < 2 else 3)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dense(64, activation="relu")(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="vgg_mnist")


model = build_vgg((28, 28, 1), 10)
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["accuracy"])
