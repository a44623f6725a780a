"""As loop_dict_of_skips, on 50x50 images: the second pooling floors 25 to 12, upsampling gives 24, and the skip
read back by level has 25: Keras cannot concatenate them."""
import keras
from keras import layers

inputs = keras.Input((50, 50, 1))
x = inputs
skips = {}
for level, filters in enumerate([8, 16]):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    skips[level] = x
    x = layers.MaxPooling2D()(x)
for level in reversed(range(2)):
    x = layers.UpSampling2D()(x)
    x = layers.Concatenate()([x, skips[level]])  # keras-error
model = keras.Model(inputs, layers.Conv2D(1, 1)(x))
