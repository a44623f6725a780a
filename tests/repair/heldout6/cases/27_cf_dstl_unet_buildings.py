"""U-Net for 16-band satellite tiles, written for Theano ordering (bands first) and run on channels-last.

Written from ternaus/kaggle_dstl_submission#3 (unet_buildings.py, get_unet0): Input((num_channels, img_rows,
img_cols)) with BatchNormalization(axis=1) and skip merges on concat_axis=1, run with the TensorFlow ordering:
the 16 bands are taken for rows, pooled down to 1, and the first skip merge fails.
"""
import keras
from keras import layers


def conv_bn_elu(x, filters):
    x = layers.Conv2D(filters, (3, 3), padding="same", kernel_initializer="he_uniform")(x)
    x = layers.BatchNormalization(axis=1)(x)
    return layers.ELU()(x)


def get_unet0(num_channels, img_rows, img_cols, num_mask_channels=1, crop=4):
    inputs = keras.Input((num_channels, img_rows, img_cols))  # heldout: mistake
    conv1 = conv_bn_elu(conv_bn_elu(inputs, 8), 8)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = conv_bn_elu(conv_bn_elu(pool1, 16), 16)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = conv_bn_elu(conv_bn_elu(pool2, 32), 32)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = conv_bn_elu(conv_bn_elu(pool3, 64), 64)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(conv4)
    conv5 = conv_bn_elu(conv_bn_elu(pool4, 128), 128)

    up6 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv5), conv4], axis=1)  # heldout: mistake
    conv6 = conv_bn_elu(conv_bn_elu(up6, 64), 64)
    up7 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv6), conv3], axis=1)
    conv7 = conv_bn_elu(conv_bn_elu(up7, 32), 32)
    up8 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv7), conv2], axis=1)
    conv8 = conv_bn_elu(conv_bn_elu(up8, 16), 16)
    up9 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv8), conv1], axis=1)
    conv9 = layers.Conv2D(8, (3, 3), padding="same", kernel_initializer="he_uniform")(conv_bn_elu(up9, 8))
    crop9 = layers.Cropping2D(cropping=((crop, crop), (crop, crop)))(conv9)
    conv9 = layers.ELU()(layers.BatchNormalization(axis=1)(crop9))
    conv10 = layers.Conv2D(num_mask_channels, (1, 1), activation="sigmoid")(conv9)
    return keras.Model(inputs=inputs, outputs=conv10)


model = get_unet0(num_channels=16, img_rows=32, img_cols=32)
model.compile(optimizer=keras.optimizers.Nadam(learning_rate=1e-3), loss="binary_crossentropy")
