"""A subclassed model fed a list (source, target) that its call() takes apart, with blocks stored by setattr under
f-string names and read back by getattr, and heads kept in a list() appended to."""
import numpy as np
import keras
from keras import layers


class Translator(keras.Model):
    def __init__(self, depth=2, width=16):
        super().__init__()
        self.depth = depth
        self.source_embed = layers.Dense(width)
        self.target_embed = layers.Embedding(50, width)
        self.attend = layers.MultiHeadAttention(num_heads=2, key_dim=8)
        for i in range(depth):
            setattr(self, f"block_{i}", layers.Dense(width, activation="relu", name=f"block_{i}"))
        self.heads = list()
        self.heads.append(layers.GlobalAveragePooling1D())
        self.heads.append(layers.Dense(5))

    def call(self, inputs):
        source, target = inputs
        s = self.source_embed(source)
        t = self.target_embed(target)
        x = self.attend(t, s)
        for i in range(self.depth):
            x = getattr(self, f"block_{i}")(x)
        for head in self.heads:
            x = head(x)
        return x


translator = Translator()
scores = translator([np.zeros((4, 12, 3), "float32"), np.zeros((4, 7), "int32")])
