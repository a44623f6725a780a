"""incompatible-merge: residual stages whose shortcut stride is the ratio of the sizes it joins, by floor division:
on 100 x 100 images the third stage halves 25 to 13, 25 // 13 is 1, and the unstrided shortcut keeps 25.  The
images are padded inside the model to 104 x 104, which every stage halves evenly."""
import keras
from keras import layers


def shortcut(x, residual):
    stride = x.shape[1] // residual.shape[1]
    if stride > 1 or x.shape[-1] != residual.shape[-1]:
        x = layers.Conv2D(residual.shape[-1], 1, strides=stride)(x)
    return layers.Add()([x, residual])


def stage(x, filters):
    y = layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    return shortcut(x, y)


def net(size=100, classes=5):
    inputs = keras.Input((size, size, 3))
    x = layers.Conv2D(8, 3, padding="same")(inputs)
    for filters in (8, 16, 32):
        x = stage(x, filters)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(classes, activation="softmax")(x))


model = net()
model.compile(optimizer="adam", loss="categorical_crossentropy")
