"""A CaiT-style subclassed model: a class token (a weight tiled to the batch) passed in a list with the patch
tokens to functional blocks, and per-block outputs collected in a dict keyed by each block's name."""
import numpy as np
import keras
from keras import layers, ops


def class_attention_block(width, name):
    tokens = keras.Input((None, width))
    cls = keras.Input((None, width))
    joined = layers.Concatenate(axis=1)([cls, tokens])
    attended, scores = layers.MultiHeadAttention(num_heads=2, key_dim=width // 2)(
        joined, joined, return_attention_scores=True)
    return keras.Model([tokens, cls], [layers.Add()([cls, attended[:, :1]]), scores], name=name)


class ClassAttentionNet(keras.Model):
    def __init__(self, width=16, depth=2, classes=4):
        super().__init__()
        self.embed = layers.Dense(width)
        self.cls_token = self.add_weight(shape=(1, 1, width), initializer="zeros")
        self.blocks = [class_attention_block(width, name=f"ca_block_{i}") for i in range(depth)]
        self.head = layers.Dense(classes)

    def call(self, x):
        x = self.embed(x)
        cls_tokens = ops.tile(self.cls_token, (ops.shape(x)[0], 1, 1))
        attention = {}
        for block in self.blocks:
            cls_tokens, scores = block([x, cls_tokens])
            attention[f"{block.name}_scores"] = scores
        return self.head(cls_tokens[:, 0]), attention


net = ClassAttentionNet()
logits, attention = net(np.zeros((3, 10, 5), "float32"))
