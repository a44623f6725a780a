"""A custom layer whose base class and ``__call__`` depend on an environment variable the file never sets (a debug
switch, as in a published attention layer), with sizes read from variables the file sets itself: checked as it
runs where the switch is unset."""
import os

import keras
from keras import layers

debug = int(os.environ.get("SHAPEDOCTOR_FIXTURE_DEBUG", 0))
os.environ["SHAPEDOCTOR_FIXTURE_UNITS"] = "8"
units = int(os.getenv("SHAPEDOCTOR_FIXTURE_UNITS"))
width = int(os.environ.setdefault("SHAPEDOCTOR_FIXTURE_WIDTH", "4"))


class Projection(object if debug else layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units)

    def __call__(self, inputs):
        if debug:
            return self.call(inputs)
        return super().__call__(inputs)

    def call(self, inputs):
        return self.dense(inputs)


inputs = keras.Input((5, width))
hidden = Projection()(inputs)
outputs = layers.GlobalAveragePooling1D()(hidden)
model = keras.Model(inputs, outputs)
