"""A patch encoder: learned position embeddings of arange(num_patches), tiled to the batch, added to patches."""
import keras
from keras import layers, ops

image_size = 32
patch_size = 4
num_patches = (image_size // patch_size) ** 2
projection_dim = 32


class PatchEncoder(layers.Layer):
    def __init__(self, num_patches, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.num_patches = num_patches
        self.projection = layers.Dense(units=projection_dim)
        self.position_embedding = layers.Embedding(input_dim=num_patches, output_dim=projection_dim)

    def call(self, patches):
        positions = ops.arange(0, self.num_patches)
        pos = self.position_embedding(positions[None, ...])
        pos = ops.tile(pos, [ops.shape(patches)[0], 1, 1])
        return self.projection(patches) + pos


inputs = keras.Input(shape=(image_size, image_size, 3))
patches = layers.Conv2D(patch_size * patch_size * 3, patch_size, strides=patch_size)(inputs)
patches = layers.Reshape((num_patches, patch_size * patch_size * 3))(patches)
encoded = PatchEncoder(num_patches, projection_dim)(patches)
x = layers.LayerNormalization(epsilon=1e-6)(encoded)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
