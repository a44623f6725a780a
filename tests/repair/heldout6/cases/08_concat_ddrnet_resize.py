"""Two-branch segmentation net whose low-resolution branch is resized to a size fixed for another input
resolution before being added to the high-resolution branch (hamidriasat/DDRNets#2)."""
import keras
from keras import layers


def ddrnet(input_shape=(32, 64, 3), height_output=64, width_output=128, n_classes=3, planes=8):
    inputs = keras.Input(shape=input_shape)
    x = layers.Conv2D(planes, 3, strides=2, padding="same", activation="relu")(inputs)   # 1/2
    high = layers.Conv2D(planes, 3, padding="same", activation="relu")(x)              # high branch, 1/2
    low = layers.Conv2D(planes * 2, 3, strides=2, padding="same", activation="relu")(x)  # low branch, 1/4
    low = layers.Conv2D(planes * 2, 3, padding="same", activation="relu")(low)
    x_temp = layers.Activation("relu")(low)
    x_temp = layers.Conv2D(planes, (1, 1), use_bias=False)(x_temp)
    x_temp = layers.BatchNormalization()(x_temp)
    x_temp = layers.Resizing(height_output, width_output)(x_temp)  # heldout: mistake
    x_ = layers.Add()([high, x_temp])  # heldout: mistake
    x_ = layers.Conv2D(n_classes, 1)(x_)
    x_ = layers.UpSampling2D(2, interpolation="bilinear")(x_)
    out = layers.Activation("softmax")(x_)
    model = keras.Model(inputs, out)
    model.compile(optimizer="adam", loss="categorical_crossentropy")
    return model


# height_output / width_output computed for 128x256 images (half of the configured size); the model is
# built for 32x64 tiles
model = ddrnet(input_shape=(32, 64, 3), height_output=128 // 2, width_output=256 // 2)
