"""incompatible-merge: a residual classifier written for channels-first images ((3, 48, 48), Theano's ordering):
its blocks compare the channels of input and output at axis 1 to decide whether the shortcut needs a projection.
Under the channels_last default axis 1 is the row count, the same on both sides, so the first widening block adds
its input unprojected.  The images
are read channels first everywhere (one setting after the imports), and the blocks then project where they should."""
import keras
from keras import layers
keras.backend.set_image_data_format("channels_first")


def residual(x, filters, strides=1):
    y = layers.BatchNormalization(axis=1)(x)
    y = layers.Activation("relu")(y)
    y = layers.Conv2D(filters, 3, strides=strides, padding="same")(y)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    if x.shape[1] != y.shape[1] or strides != 1:
        x = layers.Conv2D(filters, 1, strides=strides)(x)
    return layers.Add()([x, y])


def classifier(input_shape=(3, 48, 48), classes=4):
    inputs = keras.Input(input_shape)
    x = layers.Conv2D(8, 3, padding="same")(inputs)
    x = residual(x, 8)
    x = residual(x, 16)
    x = layers.MaxPooling2D()(x)
    x = residual(x, 32, strides=2)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(classes, activation="softmax")(x))


model = classifier()
model.compile(optimizer="adam", loss="categorical_crossentropy")
