"""Residual blocks whose main path is pooled while the shortcut is not (keras-team/keras#16925)."""
import keras
from keras import layers


def build_model(input_shape=(32, 32, 3), n_classes=5):
    visible = keras.Input(shape=input_shape)
    x = layers.Conv2D(8, (3, 3), padding="same", name="conv_1")(visible)
    x = layers.LeakyReLU(negative_slope=0.1)(x)
    x = layers.BatchNormalization()(x)
    block_1 = layers.MaxPooling2D(pool_size=(2, 2), padding="same")(x)

    x = layers.Conv2D(8, (3, 3), padding="same", name="conv_2")(block_1)
    x = layers.LeakyReLU(negative_slope=0.1)(x)
    x = layers.BatchNormalization()(x)
    x = layers.MaxPooling2D(pool_size=(2, 2), padding="same")(x)  # heldout: mistake
    block_2 = layers.Add()([x, block_1])  # heldout: mistake

    x = layers.Conv2D(16, (3, 3), padding="same", name="conv_3")(block_2)
    x = layers.LeakyReLU(negative_slope=0.1)(x)
    x = layers.GlobalAveragePooling2D()(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(visible, out)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = build_model()
