"""Encoder-decoder segmentation net whose last decoder layer is reshaped to (H * W, n_classes) for a per-pixel softmax."""
import keras
from keras import layers


class SegmentationNet:
    def __init__(self, img_h=32, img_w=64, n_classes=5):
        self.img_h = img_h
        self.img_w = img_w
        self.n_classes = n_classes

    def build(self):
        n_classes = self.n_classes
        inputs = keras.Input(shape=(self.img_h, self.img_w, 3))
        encoder = inputs
        for filters in (16, 32, 64):
            encoder = layers.Conv2D(filters, 3, padding="same", activation="relu")(encoder)
            encoder = layers.BatchNormalization()(encoder)
            encoder = layers.MaxPooling2D(2)(encoder)
        decoder = encoder
        for filters in (64, 32, 16):
            decoder = layers.UpSampling2D(2)(decoder)
            decoder = layers.Conv2D(filters, 3, padding="same", activation="relu")(decoder)  # heldout: mistake
            decoder = layers.BatchNormalization()(decoder)
        decoder = layers.Reshape((self.img_h * self.img_w, n_classes), input_shape=(self.img_h, self.img_w, 3))(decoder)  # heldout: mistake
        predictions = layers.Activation("softmax")(decoder)
        model = keras.Model(inputs, predictions)
        model.compile(optimizer="adam", loss="categorical_crossentropy")
        return model


model = SegmentationNet().build()
