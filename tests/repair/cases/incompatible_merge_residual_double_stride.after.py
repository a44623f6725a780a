"""incompatible-merge: a bottleneck residual block whose 1x1 and 3x3 convolutions both take the block's stride
while its shortcut takes it once: the strided blocks add a quarter-size main path to a half-size shortcut."""
import keras
from keras import layers


def bottleneck(x, filters, stride):
    y = layers.Conv2D(filters, 1, strides=stride, padding="same")(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, 3, strides=1, padding="same")(y)
    y = layers.BatchNormalization()(y)
    shortcut = x
    if stride > 1 or x.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, padding="same")(x)
    return layers.Activation("relu")(layers.Add()([y, shortcut]))


inputs = keras.Input((32, 32, 3))
x = layers.Conv2D(8, 3, padding="same")(inputs)
for filters, stride in ((8, 1), (16, 2), (32, 2)):
    x = bottleneck(x, filters, stride)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(10, activation="softmax")(x))
model.compile(optimizer="adam", loss="categorical_crossentropy")
