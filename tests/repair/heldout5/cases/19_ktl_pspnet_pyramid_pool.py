"""PSPNet with a small ResNet-style encoder (BBuf/Keras-Semantic-Segmentation issue 17).

The pyramid pooling module's pool sizes are computed for the default 480x480 input (a 60x60 feature map at
stride 8); the reporter trains on smaller images.
"""
import keras
from keras import layers

DEFAULT_FEATURE_SIZE = 60  # 480 // 8


def encoder(img_input):
    x = layers.Conv2D(16, (3, 3), strides=(2, 2), padding="same", activation="relu")(img_input)
    x = layers.Conv2D(32, (3, 3), strides=(2, 2), padding="same", activation="relu")(x)
    x = layers.Conv2D(64, (3, 3), strides=(2, 2), padding="same", activation="relu")(x)
    return layers.Conv2D(64, (3, 3), padding="same", activation="relu")(x)


def pool_block(feats, pool_factor):
    pool_size = strides = (DEFAULT_FEATURE_SIZE // pool_factor, DEFAULT_FEATURE_SIZE // pool_factor)
    x = layers.AveragePooling2D(pool_size, strides=strides, padding="valid")(feats)  # heldout: mistake
    x = layers.Conv2D(16, (1, 1), padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    return layers.UpSampling2D(strides, interpolation="bilinear")(x)


def PSPNet_ResNet50(n_classes, input_height=480, input_width=480):
    img_input = keras.Input(shape=(input_height, input_width, 3))
    o = encoder(img_input)
    pool_outs = [o]
    for p in [1, 2, 3, 6]:
        pool_outs.append(pool_block(o, p))
    o = layers.Concatenate(axis=-1)(pool_outs)
    o = layers.Conv2D(32, (1, 1), use_bias=False)(o)
    o = layers.BatchNormalization()(o)
    o = layers.Activation("relu")(o)
    o = layers.Conv2D(n_classes, (3, 3), padding="same")(o)
    o = layers.UpSampling2D((8, 8), interpolation="bilinear")(o)
    o = layers.Activation("softmax")(o)
    model = keras.Model(img_input, o)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = PSPNet_ResNet50(n_classes=4, input_height=96, input_width=96)  # heldout: mistake
