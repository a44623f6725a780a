"""A subclassed model returning its output and a dict of each block's tensor, keyed by names made in a loop with
str.format (as the TensorFlow transformer tutorial keeps attention weights)."""
import keras


class Decoder(keras.layers.Layer):
    def __init__(self, blocks, width, **kwargs):
        super().__init__(**kwargs)
        self.blocks = blocks
        self.dense = [keras.layers.Dense(width, activation="relu") for _ in range(blocks)]

    def call(self, x):
        weights = {}
        for i in range(self.blocks):
            x = self.dense[i](x)
            weights["decoder_layer{}_block1".format(i + 1)] = x
        return x, weights


class Translator(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.decoder = Decoder(3, 16)
        self.final_layer = keras.layers.Dense(100)

    def call(self, x):
        decoded, weights = self.decoder(x)
        return self.final_layer(decoded), weights


tokens = keras.Input(shape=(12, 8))
logits, attention = Translator()(tokens)
model = keras.Model(tokens, [logits, attention["decoder_layer3_block1"]])
