"""A U-Net class with Conv2DTranspose upsampling, built for 32x27 RGB images (an odd width)."""
import keras
from keras import layers


class Unet:
    def __init__(self, input_shape=(128, 128, 3), n_filters=8, n_classes=1):
        self.input_shape = input_shape
        self.n_filters = n_filters
        self.n_classes = n_classes

    def conv_block(self, x, filters):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        return layers.BatchNormalization()(x)

    def up_block(self, x, skip, filters):
        x = layers.Conv2DTranspose(filters, 3, strides=2, padding="same")(x)
        x = layers.concatenate([x, skip])  # heldout: mistake
        return self.conv_block(x, filters)

    def build(self):
        inputs = keras.Input(self.input_shape)  # heldout: mistake
        skips = []
        x = inputs
        filters = self.n_filters
        for _ in range(3):
            x = self.conv_block(x, filters)
            skips.append(x)
            x = layers.MaxPooling2D(2)(x)
            filters *= 2
        x = self.conv_block(x, filters)
        for skip in reversed(skips):
            filters //= 2
            x = self.up_block(x, skip, filters)
        outputs = layers.Conv2D(self.n_classes, 1, activation="sigmoid")(x)
        model = keras.Model(inputs, outputs)
        model.compile(optimizer="adam", loss="binary_crossentropy")
        return model


model = Unet(input_shape=(32, 27, 3)).build()
