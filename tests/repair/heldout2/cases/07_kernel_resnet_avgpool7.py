"""ResNet-style network built for 224x224 inputs, called on small images: the final 7x7 average pool
meets a 3x3 feature map.

Source: https://github.com/fchollet/deep-learning-models/issues/76
"""
from keras import layers
from keras.models import Model


def conv_block(x, filters, strides):
    shortcut = layers.Conv2D(filters, (1, 1), strides=strides)(x)
    shortcut = layers.BatchNormalization()(shortcut)
    y = layers.Conv2D(filters, (3, 3), strides=strides, padding="same")(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, (3, 3), padding="same")(y)
    y = layers.BatchNormalization()(y)
    y = layers.add([y, shortcut])
    return layers.Activation("relu")(y)


def build_resnet(input_shape, classes):
    img_input = layers.Input(shape=input_shape)
    x = layers.ZeroPadding2D((3, 3))(img_input)
    x = layers.Conv2D(32, (7, 7), strides=(2, 2), name="conv1")(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = conv_block(x, 32, strides=(1, 1))
    x = conv_block(x, 64, strides=(2, 2))
    x = conv_block(x, 128, strides=(2, 2))
    x = conv_block(x, 256, strides=(2, 2))
    x = layers.AveragePooling2D((7, 7), name="avg_pool")(x)  # heldout: mistake
    x = layers.Flatten()(x)
    x = layers.Dense(classes, activation="softmax", name="fc")(x)
    return Model(img_input, x, name="resnet")


model = build_resnet((100, 100, 3), 10)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
