"""PSPNet of keras_segmentation (vanilla encoder of five 2x poolings, pyramid pooling with factors 1, 2, 3, 6,
each branch average-pooled, projected and upsampled back, then concatenated with the encoder output) built for
320 x 320 images: the encoder output is 10 x 10, and the factor-3 branch comes back as 12 x 12
(divamgupta/image-segmentation-keras#58)."""
import keras
import numpy as np
from keras import layers

IMAGE_ORDERING = "channels_last"
MERGE_AXIS = -1


def vanilla_encoder(input_height=224, input_width=224, channels=3):
    img_input = keras.Input(shape=(input_height, input_width, channels))
    x = img_input
    levels = []
    for filters in (8, 16, 32, 32, 32):
        x = layers.ZeroPadding2D((1, 1))(x)
        x = layers.Conv2D(filters, (3, 3), padding="valid")(x)
        x = layers.BatchNormalization()(x)
        x = layers.Activation("relu")(x)
        x = layers.MaxPooling2D((2, 2))(x)
        levels.append(x)
    return img_input, levels


def pool_block(feats, pool_factor):
    h, w = feats.shape[1], feats.shape[2]
    pool_size = strides = [int(np.round(float(h) / pool_factor)), int(np.round(float(w) / pool_factor))]  # heldout: mistake
    x = layers.AveragePooling2D(pool_size, strides=strides, padding="same")(feats)
    x = layers.Conv2D(32, (1, 1), padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    return layers.UpSampling2D(size=strides, interpolation="bilinear")(x)


def _pspnet(n_classes, encoder, input_height=384, input_width=576, channels=3):
    img_input, levels = encoder(input_height=input_height, input_width=input_width, channels=channels)
    o = levels[-1]
    pool_outs = [o]
    for p in [1, 2, 3, 6]:
        pool_outs.append(pool_block(o, p))
    o = layers.Concatenate(axis=MERGE_AXIS)(pool_outs)  # heldout: mistake
    o = layers.Conv2D(32, (1, 1), use_bias=False)(o)
    o = layers.BatchNormalization()(o)
    o = layers.Activation("relu")(o)
    o = layers.Conv2D(n_classes, (3, 3), padding="same")(o)
    o = layers.UpSampling2D(size=(8, 8), interpolation="bilinear")(o)
    o = layers.Reshape((-1, n_classes))(o)
    o = layers.Activation("softmax")(o)
    model = keras.Model(img_input, o)
    model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
    return model


def pspnet(n_classes, input_height=384, input_width=576, channels=3):
    return _pspnet(n_classes, vanilla_encoder, input_height=input_height, input_width=input_width,
                   channels=channels)


model = pspnet(21, input_height=320, input_width=320)  # heldout: mistake
