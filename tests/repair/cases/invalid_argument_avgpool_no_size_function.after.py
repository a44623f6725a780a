# Keras 3's AveragePooling1D has no default pool_size (Keras 2 used 2): "missing 1 required positional
# argument: 'pool_size'".
import keras
from keras import layers


def create_discriminator(input_shape):
    inp = keras.Input(input_shape)
    x = layers.Conv1D(16, 15, padding="same")(inp)
    pooled = layers.AveragePooling1D(pool_size=2)(x)
    pooled = layers.AveragePooling1D(pool_size=2)(pooled)
    out = layers.GlobalAveragePooling1D()(pooled)
    return keras.Model(inp, out)


discriminator = create_discriminator((8192, 1))
