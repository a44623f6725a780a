"""A small vision transformer: patch embedding (Conv2D + reshape), learned positions, encoder blocks."""
import keras
from keras import layers, ops

image_size = 32
patch_size = 4
num_patches = (image_size // patch_size) ** 2
projection_dim = 48
transformer_layers = 2


class PatchEmbedding(layers.Layer):
    def __init__(self, patch_size, num_patches, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.num_patches = num_patches
        self.projection_dim = projection_dim
        self.proj = layers.Conv2D(projection_dim, kernel_size=patch_size, strides=patch_size, padding="valid")
        self.position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)

    def call(self, images):
        x = self.proj(images)
        x = ops.reshape(x, (-1, self.num_patches, self.projection_dim))
        positions = ops.expand_dims(ops.arange(start=0, stop=self.num_patches, step=1), axis=0)
        return x + self.position_embedding(positions)


def mlp(x, hidden_units, dropout_rate):
    for units in hidden_units:
        x = layers.Dense(units, activation=keras.activations.gelu)(x)
        x = layers.Dropout(dropout_rate)(x)
    return x


inputs = keras.Input(shape=(image_size, image_size, 3))
encoded = PatchEmbedding(patch_size, num_patches, projection_dim)(inputs)
for _ in range(transformer_layers):
    x1 = layers.LayerNormalization(epsilon=1e-6)(encoded)
    attention_output = layers.MultiHeadAttention(num_heads=4, key_dim=projection_dim, dropout=0.1)(x1, x1)
    x2 = layers.Add()([attention_output, encoded])
    x3 = layers.LayerNormalization(epsilon=1e-6)(x2)
    x3 = mlp(x3, hidden_units=[projection_dim * 2, projection_dim], dropout_rate=0.1)
    encoded = layers.Add()([x3, x2])
representation = layers.LayerNormalization(epsilon=1e-6)(encoded)
representation = layers.Flatten()(representation)
logits = layers.Dense(10)(representation)
vit = keras.Model(inputs=inputs, outputs=logits)
