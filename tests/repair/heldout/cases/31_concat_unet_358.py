"""Configurable U-Net built in loops, given 358 x 358 images (not divisible by 2**3)."""
import tensorflow as tf


def unet(n_levels, initial_features=32, n_blocks=2, kernel_size=3, pooling_size=2, in_channels=1,
         out_channels=1):
    inputs = tf.keras.layers.Input(shape=(358, 358, in_channels))  # heldout: mistake
    x = inputs

    convpars = dict(kernel_size=kernel_size, activation="relu", padding="same")

    # downstream
    skips = {}
    for level in range(n_levels):
        for _ in range(n_blocks):
            x = tf.keras.layers.Conv2D(initial_features * 2 ** level, **convpars)(x)
        if level < n_levels - 1:
            skips[level] = x
            x = tf.keras.layers.MaxPool2D(pooling_size)(x)  # heldout: mistake

    # upstream
    for level in reversed(range(n_levels - 1)):
        x = tf.keras.layers.Conv2DTranspose(initial_features * 2 ** level, strides=pooling_size, **convpars)(x)  # heldout: mistake
        x = tf.keras.layers.Concatenate()([x, skips[level]])  # heldout: mistake
        for _ in range(n_blocks):
            x = tf.keras.layers.Conv2D(initial_features * 2 ** level, **convpars)(x)

    activation = "sigmoid" if out_channels == 1 else "softmax"
    x = tf.keras.layers.Conv2D(out_channels, kernel_size=1, padding="same", activation=activation)(x)
    output = x
    return tf.keras.Model(inputs=[inputs], outputs=[output], name=f"UNET-L{n_levels}-F{initial_features}")


model = unet(4)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
