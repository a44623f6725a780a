"""HookNet-style segmentation class configured with a one-number input shape: Conv2D gets (None, 36).

Source: https://github.com/DIAGNijmegen/pathology-hooknet/issues/5
"""
import keras
from keras import layers


class HookNet:
    def __init__(self, input_shape, n_classes, n_filters=8, depth=2):
        self.input_shape = input_shape
        self.n_classes = n_classes
        self.n_filters = n_filters
        self.depth = depth

    def _branch(self, x):
        for d in range(self.depth):
            x = layers.Conv2D(self.n_filters * 2 ** d, 3, padding="valid", activation="relu")(x)
            x = layers.Conv2D(self.n_filters * 2 ** d, 3, padding="valid", activation="relu")(x)
            x = layers.MaxPooling2D(2)(x)
        return x

    def build(self):
        inp = keras.Input(shape=tuple(self.input_shape))  # heldout: mistake
        x = self._branch(inp)
        out = layers.Conv2D(self.n_classes, 1, activation="softmax")(x)
        return keras.Model(inp, out)


train_params = {"input_shape": [36], "n_classes": 3}  # heldout: mistake
model = HookNet(**train_params).build()
model.compile(optimizer="adam", loss="categorical_crossentropy")
