"""tf-keras-SegNet: the output is reshaped to (rows * cols, n_labels) while the masks are (rows, cols, n_labels).

Source: https://github.com/ykamikawa/tf-keras-SegNet/issues/18
"""
import keras
from keras import layers


def segnet(input_shape, n_labels, kernel=3, pool_size=(2, 2)):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for filters in (8, 16, 32):
        x = layers.Conv2D(filters, kernel, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D(pool_size)(x)
    for filters in (32, 16, 8):
        x = layers.UpSampling2D(pool_size)(x)
        x = layers.Conv2D(filters, kernel, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
    conv_26 = layers.Conv2D(n_labels, 1, padding="valid")(x)
    conv_26 = layers.Reshape((input_shape[0] * input_shape[1], n_labels))(conv_26)  # heldout: mistake
    outputs = layers.Activation("softmax")(conv_26)  # heldout: mistake
    return keras.Model(inputs, outputs, name="SegNet")


model = segnet((48, 48, 3), n_labels=8)
model.compile(optimizer="adadelta", loss="categorical_crossentropy")
