"""VGG16-style 1-D classifier (classification_models_1D) with pooling 4 after every block, on short signals.

Source: https://github.com/ZFTurbo/classification_models_1D/issues/3
"""
from keras.models import Model
from keras.layers import Input, Conv1D, MaxPooling1D, GlobalAveragePooling1D, Dense


def vgg_block(x, filters, n_convs, pooling, name):
    for i in range(n_convs):
        x = Conv1D(filters, 9, activation="relu", padding="same", name=f"{name}_conv{i + 1}")(x)
    return MaxPooling1D(pooling, name=f"{name}_pool")(x)  # heldout: mistake


def VGG16_1D(input_shape, classes, pooling=4):
    inp = Input(shape=input_shape)  # heldout: mistake
    x = vgg_block(inp, 16, 2, pooling, "block1")
    x = vgg_block(x, 32, 2, pooling, "block2")
    x = vgg_block(x, 64, 3, pooling, "block3")
    x = vgg_block(x, 64, 3, pooling, "block4")
    x = GlobalAveragePooling1D()(x)
    out = Dense(classes, activation="softmax")(x)
    return Model(inp, out)


model = VGG16_1D((40, 2), 5)
model.compile(optimizer="adam", loss="categorical_crossentropy")
