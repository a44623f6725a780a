"""Ultrasound-nerve U-Net trained on the reporter's own images, whose sides are not divisible by 16.

Written from jocicmarko/ultrasound-nerve-segmentation#6: after four 2x2 poolings of an image whose rows / cols are
not multiples of 16, the upsampled deep feature map is one row / column short of the skip it is merged with.
"""
import keras
from keras import layers

img_rows = 44
img_cols = 76


def double_conv(x, filters):
    x = layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)
    return layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)


def get_unet(rows, cols):
    inputs = keras.Input((rows, cols, 1))
    conv1 = double_conv(inputs, 4)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = double_conv(pool1, 8)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = double_conv(pool2, 16)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = double_conv(pool3, 32)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(conv4)
    conv5 = double_conv(pool4, 64)

    up6 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv5), conv4], axis=3)  # heldout: mistake
    conv6 = double_conv(up6, 32)
    up7 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv6), conv3], axis=3)
    conv7 = double_conv(up7, 16)
    up8 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv7), conv2], axis=3)
    conv8 = double_conv(up8, 8)
    up9 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv8), conv1], axis=3)
    conv9 = double_conv(up9, 4)
    conv10 = layers.Conv2D(1, (1, 1), activation="sigmoid")(conv9)
    model = keras.Model(inputs=inputs, outputs=conv10)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="binary_crossentropy")
    return model


model = get_unet(img_rows, img_cols)
