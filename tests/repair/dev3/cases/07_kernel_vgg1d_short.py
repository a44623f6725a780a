"""1-D VGG-style builder (pool size 4 per block) applied to signals too short for its second pooling.

Source: https://github.com/ZFTurbo/classification_models_1D/issues/3
"""
import keras
from keras import layers


def vgg_block(x, filters, n_convs, block, pool=4):
    for i in range(n_convs):
        x = layers.Conv1D(filters, 3, padding="same", activation="relu", name=f"block{block}_conv{i + 1}")(x)
    x = layers.MaxPooling1D(pool, name=f"block{block}_pool")(x)  # heldout: mistake
    return x


def VGG16_1D(input_shape, classes):
    inp = keras.Input(shape=input_shape)
    x = vgg_block(inp, 16, 2, 1)
    x = vgg_block(x, 32, 2, 2)
    x = vgg_block(x, 64, 3, 3)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="relu")(x)
    out = layers.Dense(classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = VGG16_1D(input_shape=(10, 3), classes=5)  # heldout: mistake
model.compile(optimizer="adam", loss="categorical_crossentropy")
