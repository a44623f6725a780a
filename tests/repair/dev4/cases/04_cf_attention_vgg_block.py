"""VGG-style backbone of an attribute-aware attention model built by helper blocks on (3, rows, cols) images,
channels_last layers.

Source: https://github.com/iamhankai/attribute-aware-attention/issues/16
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, GlobalAveragePooling2D, Dense


def conv_block(x, filters, n_convs, name):
    for i in range(n_convs):
        x = Conv2D(filters, (3, 3), activation="relu", padding="same", name=f"{name}_conv{i + 1}")(x)
    return MaxPooling2D((2, 2), strides=(2, 2), name=f"{name}_pool")(x)  # heldout: mistake


def build_model(img_size, nb_classes):
    inputs = Input(shape=(3, img_size, img_size))  # heldout: mistake
    x = conv_block(inputs, 16, 2, "block1")
    x = conv_block(x, 32, 2, "block2")
    x = conv_block(x, 64, 3, "block3")
    x = GlobalAveragePooling2D()(x)
    outputs = Dense(nb_classes, activation="softmax")(x)
    model = Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    return model


model = build_model(64, 20)
