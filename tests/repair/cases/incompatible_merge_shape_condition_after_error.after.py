"""incompatible-merge: a residual U-Net on 2-D maps 20 wide: three strided convolutions take the width to 10, 5
and 3, and coming back up 3 doubles to 6 against the encoder's 5.  Each residual block asks `x.shape[-1]` to decide
whether its shortcut needs a projection: the walk reads it from the failing Add as that Add will be once fixed, so
the rest of the decoder is built as written and the fix is checked through it, not stopped at that `if`."""
import keras
from keras import layers


def residual_block(x, filters):
    y = layers.BatchNormalization()(x)
    y = layers.Conv2D(filters, 3, padding="same", activation="relu")(y)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    if x.shape[-1] != filters:
        x = layers.Conv2D(filters, 1)(x)
    return layers.Add()([y, x])


def build(input_shape=(16, 20, 2), classes=3, base=4):
    inputs = keras.Input(input_shape)
    x = layers.Conv2D(base, 3, padding="same")(inputs)
    s1 = residual_block(x, base)
    x = layers.Conv2D(base * 2, 3, strides=2, padding="same")(s1)
    s2 = residual_block(x, base * 2)
    x = layers.Conv2D(base * 4, 3, strides=2, padding="same")(s2)
    s3 = residual_block(x, base * 4)
    x = layers.Conv2D(base * 8, 3, strides=2, padding="same")(s3)
    x = residual_block(x, base * 8)

    x = layers.Conv2D(base * 4, 1)(x)
    x = layers.UpSampling2D(2)(x)
    x = layers.Add()([layers.Cropping2D(cropping=((0, 0), (0, 1)))(x), s3])
    x = residual_block(x, base * 4)
    x = layers.Conv2D(base * 2, 1)(x)
    x = layers.UpSampling2D(2)(x)
    x = layers.Add()([x, s2])
    x = residual_block(x, base * 2)
    x = layers.Conv2D(base, 1)(x)
    x = layers.UpSampling2D(2)(x)
    x = layers.Add()([x, s1])
    x = residual_block(x, base)
    outputs = layers.Conv2D(classes, 1, activation="softmax")(x)
    return keras.Model(inputs, outputs)


model = build()
model.compile(optimizer="adam", loss="categorical_crossentropy")
