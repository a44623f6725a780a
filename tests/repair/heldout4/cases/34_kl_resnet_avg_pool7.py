"""Chip classification with a ResNet-50-style backbone: the fixed 7x7 'avg_pool' head on chips that end as 3x3 maps."""
import keras
from keras import layers


def identity_block(x, filters):
    y = layers.Conv2D(filters, (3, 3), padding="same")(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, (3, 3), padding="same")(y)
    y = layers.BatchNormalization()(y)
    y = layers.Add()([x, y])
    return layers.Activation("relu")(y)


def conv_block(x, filters, strides=(2, 2)):
    y = layers.Conv2D(filters, (3, 3), strides=strides, padding="same")(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, (3, 3), padding="same")(y)
    y = layers.BatchNormalization()(y)
    shortcut = layers.Conv2D(filters, (1, 1), strides=strides)(x)
    shortcut = layers.BatchNormalization()(shortcut)
    y = layers.Add()([y, shortcut])
    return layers.Activation("relu")(y)


def ResNet50(input_shape=(224, 224, 3), classes=1000):
    img_input = keras.Input(shape=input_shape)
    x = layers.ZeroPadding2D((3, 3))(img_input)
    x = layers.Conv2D(16, (7, 7), strides=(2, 2), name="conv1")(x)
    x = layers.BatchNormalization(name="bn_conv1")(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same")(x)
    x = conv_block(x, 16, strides=(1, 1))
    x = identity_block(x, 16)
    x = conv_block(x, 32)
    x = identity_block(x, 32)
    x = conv_block(x, 64)
    x = identity_block(x, 64)
    x = conv_block(x, 128)
    x = identity_block(x, 128)
    x = layers.AveragePooling2D((7, 7), name="avg_pool")(x)  # heldout: mistake
    x = layers.Flatten()(x)
    x = layers.Dense(classes, activation="softmax", name="fc1000")(x)
    return keras.Model(img_input, x, name="resnet50")


model = ResNet50(input_shape=(96, 96, 3), classes=2)  # heldout: mistake
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
