"""DenseNet for CIFAR-10 written for Theano ordering: (3, 32, 32) images and feature maps merged on axis 1."""
import keras
from keras import layers


def conv_factory(x, nb_filter, dropout_rate=None):
    x = layers.BatchNormalization(axis=1)(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(nb_filter, (3, 3), padding="same", use_bias=False)(x)
    if dropout_rate:
        x = layers.Dropout(dropout_rate)(x)
    return x


def transition(x, nb_filter):
    x = layers.BatchNormalization(axis=1)(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(nb_filter, (1, 1), padding="same", use_bias=False)(x)
    return layers.AveragePooling2D((2, 2), strides=(2, 2))(x)


def denseblock(x, nb_layers, nb_filter, growth_rate):
    list_feat = [x]
    for _ in range(nb_layers):
        x = conv_factory(x, growth_rate)
        list_feat.append(x)
        x = layers.concatenate(list_feat, axis=1)  # heldout: mistake
        nb_filter += growth_rate
    return x, nb_filter


def DenseNet(nb_classes, img_dim, depth=10, nb_dense_block=2, growth_rate=12, nb_filter=16):
    model_input = keras.Input(shape=img_dim)  # heldout: mistake
    nb_layers = int((depth - 4) / 3)
    x = layers.Conv2D(nb_filter, (3, 3), padding="same", use_bias=False, name="initial_conv2D")(model_input)
    for block_idx in range(nb_dense_block - 1):
        x, nb_filter = denseblock(x, nb_layers, nb_filter, growth_rate)
        x = transition(x, nb_filter)
    x, nb_filter = denseblock(x, nb_layers, nb_filter, growth_rate)
    x = layers.BatchNormalization(axis=1)(x)
    x = layers.Activation("relu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(nb_classes, activation="softmax")(x)
    return keras.Model(inputs=[model_input], outputs=[x], name="DenseNet")


model = DenseNet(10, (3, 32, 32))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
