"""IndianPinesCNN class: two valid 3x3 convolutions on hyperspectral patches, run with a patch size of 1.

Source: https://github.com/KGPML/Hyperspectral/issues/7 (TensorFlow ops; written in Keras)
"""
import keras
from keras import layers


class IndianPinesCNN:
    def __init__(self, patch_size, bands=220, n_classes=16):
        self.patch_size = patch_size
        self.bands = bands
        self.n_classes = n_classes

    def inference(self, conv1_channels=32, conv2_channels=32, fc1_units=64):
        images = keras.Input(shape=(self.patch_size, self.patch_size, self.bands))
        x = layers.Conv2D(conv1_channels, 3, padding="valid", activation="relu", name="conv_1")(images)  # heldout: mistake
        x = layers.Conv2D(conv2_channels, 3, padding="valid", activation="relu", name="conv_2")(x)
        x = layers.Flatten()(x)
        x = layers.Dense(fc1_units, activation="relu")(x)
        logits = layers.Dense(self.n_classes, activation="softmax")(x)
        return keras.Model(images, logits)


model = IndianPinesCNN(patch_size=1).inference()  # heldout: mistake
model.compile(optimizer="adam", loss="categorical_crossentropy")
