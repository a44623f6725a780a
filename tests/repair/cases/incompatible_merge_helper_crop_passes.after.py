"""incompatible-merge: an encoder of stride-2 "same" convolutions on 36 x 36 maps (36, 18, 9, 5, 3: odd sizes
round up) and a decoder whose UpSampling2D comes back larger than the skip on some passes (6 vs 5, 10 vs 9) and
equal on the others; the loop's one merge crops the upsampled input by what each pass has too much."""
import keras
from keras import layers


def down(x, filters):
    return layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu")(x)


def segmenter(size, classes=2):
    image = keras.Input((size, size, 3))
    x, skips = image, []
    for filters in (8, 16, 32, 64):
        x = down(x, filters)
        skips.append(x)
    for filters, skip in zip((32, 16, 8), skips[-2::-1]):
        x = layers.UpSampling2D()(x)
        x = layers.Concatenate()([layers.Cropping2D(((0, x.shape[1] - skip.shape[1]), (0, x.shape[2] - skip.shape[2])))(x), skip])
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.UpSampling2D()(x)
    return keras.Model(image, layers.Conv2D(classes, 1, activation="softmax")(x))


model = segmenter(36)
