"""incompatible-merge: a pyramid pooling module on a 20 x 20 map: the factor-3 branch is pooled to 7 x 7 with
`same` padding and upsampled by 7 back to 21 x 21, one pixel more than the map it is concatenated with."""
import keras
from keras import layers


def branch(features, factor):
    size = -(-features.shape[1] // factor)
    x = layers.AveragePooling2D(size, strides=size, padding="same")(features)
    x = layers.Conv2D(8, 1, use_bias=False)(x)
    return layers.UpSampling2D(size=size, interpolation="bilinear")(x)


inputs = keras.Input((80, 80, 3))
features = layers.Conv2D(16, 3, strides=4, padding="same", activation="relu")(inputs)
pyramid = [features] + [branch(features, factor) for factor in (1, 2, 3, 4)]
x = layers.Concatenate()(pyramid)
outputs = layers.Conv2D(5, 1, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
