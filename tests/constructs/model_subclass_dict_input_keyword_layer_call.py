"""A subclassed model fed a dict of named inputs (``inputs["tokens"]``), predicting on a dict of arrays, whose
endpoint layer is called with its first argument by keyword (``self.endpoint(logits=x, targets=y)``)."""
import numpy as np
import keras
from keras import layers


class Endpoint(layers.Layer):
    def call(self, logits, targets=None):
        if targets is not None:
            self.add_loss(keras.ops.mean(keras.ops.square(targets - logits)))
        return keras.ops.softmax(logits)


class Tagger(keras.Model):
    def __init__(self, classes=4):
        super().__init__()
        self.embed = layers.Embedding(100, 8)
        self.pool = layers.GlobalAveragePooling1D()
        self.side = layers.Dense(8)
        self.merge = layers.Concatenate()
        self.head = layers.Dense(classes)
        self.endpoint = Endpoint()

    def call(self, inputs):
        x = self.pool(self.embed(inputs["tokens"]))
        x = self.merge([x, self.side(inputs["extra"])])
        return self.endpoint(logits=self.head(x), targets=inputs["targets"])


data = {"tokens": np.zeros((6, 20), "int32"), "extra": np.zeros((6, 3), "float32"),
        "targets": np.zeros((6, 4), "float32")}
model = Tagger()
predictions = model.predict(data, verbose=0)
