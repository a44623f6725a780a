"""Convolutional autoencoder (model class) whose 7x7 "encoding-3" convolution meets a 6x6 map
(jskDr/keraspp#1, ex6_2_ae_conv_mnist_mc.py as summarised in the question)."""
import keras
from keras import layers


def Conv2D(filters, kernel_size, padding="valid", activation="relu"):
    return layers.Conv2D(filters, kernel_size, padding=padding, activation=activation)


class AE(keras.Model):
    def __init__(self, org_shape=(28, 28, 1)):
        original = keras.Input(shape=org_shape)

        # encoding-1
        x = Conv2D(4, (3, 3))(original)
        x = layers.MaxPooling2D((2, 2), padding="same")(x)
        # encoding-2
        x = Conv2D(8, (3, 3))(x)
        x = layers.MaxPooling2D((2, 2), padding="same")(x)
        # encoding-3: encoding output: 7x7 pixels
        z = Conv2D(1, (7, 7))(x)  # heldout: mistake

        # decoding-1
        y = Conv2D(16, (3, 3), padding="same")(z)
        y = layers.UpSampling2D((2, 2))(y)
        # decoding-2
        y = Conv2D(8, (3, 3), padding="same")(y)
        y = layers.UpSampling2D((2, 2))(y)
        # decoding-3
        y = Conv2D(4, (3, 3), padding="same")(y)
        decoded = Conv2D(1, (3, 3), padding="same", activation="sigmoid")(y)

        super().__init__(original, decoded)
        self.compile(optimizer="adadelta", loss="binary_crossentropy", metrics=["accuracy"])


model = AE((28, 28, 1))
