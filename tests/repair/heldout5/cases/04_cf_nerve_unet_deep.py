"""Deeper U-Net (five poolings) for ultrasound nerve segmentation (ethanhe42/u-net issue 1).

data.py stores the images and masks as (n, 1, rows, cols) arrays and train.py declares Input((1, img_rows,
img_cols)) with merges on axis 1, for the Theano ordering; the run uses the TensorFlow ordering.
"""
import keras
from keras import layers
from keras import ops

img_rows = 32
img_cols = 64

smooth = 1.0


def dice_coef(y_true, y_pred):
    y_true_f = ops.reshape(y_true, (-1,))
    y_pred_f = ops.reshape(y_pred, (-1,))
    intersection = ops.sum(y_true_f * y_pred_f)
    return (2.0 * intersection + smooth) / (ops.sum(y_true_f * y_true_f) + ops.sum(y_pred_f * y_pred_f) + smooth)


def dice_coef_loss(y_true, y_pred):
    return 1.0 - dice_coef(y_true, y_pred)


def conv_pair(x, filters):
    x = layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)
    return layers.Conv2D(filters, (3, 3), activation="relu", padding="same")(x)


def up_merge(x, skip, filters):
    up = layers.Conv2D(filters, (2, 2), activation="relu", padding="same")(layers.UpSampling2D(size=(2, 2))(x))
    return layers.concatenate([up, skip], axis=1)  # heldout: mistake


def get_unet(rows, cols):
    inputs = keras.Input((1, rows, cols))  # heldout: mistake
    conv1 = conv_pair(inputs, 4)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)  # heldout: mistake
    conv2 = conv_pair(pool1, 8)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = conv_pair(pool2, 16)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = conv_pair(pool3, 16)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(conv4)
    conv5 = conv_pair(pool4, 32)
    pool5 = layers.MaxPooling2D(pool_size=(2, 2))(conv5)

    convdeep = conv_pair(pool5, 32)

    convmid = conv_pair(up_merge(convdeep, conv5, 32), 32)
    conv6 = conv_pair(up_merge(convmid, conv4, 16), 16)
    conv7 = conv_pair(up_merge(conv6, conv3, 16), 16)
    conv8 = conv_pair(up_merge(conv7, conv2, 8), 8)
    conv9 = conv_pair(up_merge(conv8, conv1, 4), 4)

    conv10 = layers.Conv2D(1, (1, 1), activation="sigmoid")(conv9)

    model = keras.Model(inputs=inputs, outputs=conv10)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss=dice_coef_loss, metrics=[dice_coef])
    return model


model = get_unet(img_rows, img_cols)
