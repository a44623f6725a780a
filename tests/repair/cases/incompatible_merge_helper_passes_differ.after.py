"""incompatible-merge: a U-Net whose decoder block is one helper called three times, on 40 x 44 images: the
poolings floor 5 and 11, so the second and third passes join a path one pixel smaller than the skip while the
first one matches.  One edit pads every pass, the amount computed from the two tensors' shapes."""
import keras
from keras import layers


def decoder_block(x, skip, filters):
    x = layers.Conv2DTranspose(filters, 2, strides=2, padding="same")(x)
    x = layers.Concatenate()([layers.ZeroPadding2D(((0, skip.shape[1] - x.shape[1]), (0, skip.shape[2] - x.shape[2])))(x), skip])
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)


def build_unet(rows, cols):
    inputs = keras.Input((rows, cols, 1))
    skips, x = [], inputs
    for filters in (8, 16, 32):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        skips.append(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    for filters, skip in zip((32, 16, 8), reversed(skips)):
        x = decoder_block(x, skip, filters)
    outputs = layers.Conv2D(1, 1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)


model = build_unet(40, 44)
