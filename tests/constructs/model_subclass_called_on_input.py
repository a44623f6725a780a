"""A subclassed keras.Model (__init__ + call) used functionally: called on an Input inside another Model."""
import keras
from keras import layers


class FeatureExtractor(keras.Model):
    def __init__(self, widths=(64, 32), **kwargs):
        super().__init__(**kwargs)
        self.hidden = [layers.Dense(w, activation="relu") for w in widths]
        self.norm = layers.LayerNormalization()

    def call(self, inputs):
        x = inputs
        for dense in self.hidden:
            x = dense(x)
        return self.norm(x)


extractor = FeatureExtractor(widths=(128, 64))
inputs = keras.Input(shape=(40,))
features = extractor(inputs)
outputs = layers.Dense(3, activation="softmax")(features)
model = keras.Model(inputs, outputs)
