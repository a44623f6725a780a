"""keras-contrib DenseNetImageNet121(input_shape=(224, 224, 3), classes=2): the top Dense sits on the 7x7 map.

Source: https://github.com/keras-team/keras-contrib/issues/229
"""
import keras
from keras import layers


def __dense_block(x, nb_layers, growth_rate):
    for _ in range(nb_layers):
        y = layers.BatchNormalization()(x)
        y = layers.Activation("relu")(y)
        y = layers.Conv2D(growth_rate, 3, padding="same")(y)
        x = layers.concatenate([x, y])
    return x


def __transition_block(x, filters):
    x = layers.BatchNormalization()(x)
    x = layers.Conv2D(filters, 1, padding="same")(x)
    return layers.AveragePooling2D((2, 2), strides=(2, 2))(x)


def DenseNetImageNet121(input_shape=(224, 224, 3), classes=1000, growth_rate=8, nb_dense_block=4):
    img_input = keras.Input(shape=input_shape)
    x = layers.Conv2D(2 * growth_rate, (7, 7), strides=(2, 2), padding="same")(img_input)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same")(x)
    for block_idx in range(nb_dense_block - 1):
        x = __dense_block(x, 2, growth_rate)
        x = __transition_block(x, 2 * growth_rate)
    x = __dense_block(x, 2, growth_rate)
    x = layers.BatchNormalization(name="final_bn")(x)
    x = layers.Activation("relu")(x)
    x = layers.Dense(classes, activation="softmax")(x)  # heldout: mistake
    return keras.Model(img_input, x, name="densenet")


model = DenseNetImageNet121(input_shape=(112, 112, 3), classes=2)
model.compile(optimizer="adam", loss="categorical_crossentropy")
