"""U-Net on slices converted from DICOM to .npy (wuyang0329/unet issue 7).

get_unet declares the slices as (1, rows, cols) and merges on axis 1, as the Theano-ordered U-Net it follows; the
slices are saved in that (1, rows, cols) layout.
"""
import keras
from keras import layers

img_rows = 32
img_cols = 32


def get_unet(rows, cols, base_filters=8):
    inputs = keras.Input((1, rows, cols))  # heldout: mistake
    conv1 = layers.Conv2D(base_filters, (3, 3), activation="relu", padding="same")(inputs)
    conv1 = layers.Conv2D(base_filters, (3, 3), activation="relu", padding="same")(conv1)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)  # heldout: mistake

    conv2 = layers.Conv2D(base_filters * 2, (3, 3), activation="relu", padding="same")(pool1)
    conv2 = layers.Conv2D(base_filters * 2, (3, 3), activation="relu", padding="same")(conv2)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)

    conv3 = layers.Conv2D(base_filters * 4, (3, 3), activation="relu", padding="same")(pool2)
    conv3 = layers.Conv2D(base_filters * 4, (3, 3), activation="relu", padding="same")(conv3)

    up4 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv3), conv2], axis=1)  # heldout: mistake
    conv4 = layers.Conv2D(base_filters * 2, (3, 3), activation="relu", padding="same")(up4)
    conv4 = layers.Conv2D(base_filters * 2, (3, 3), activation="relu", padding="same")(conv4)

    up5 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv4), conv1], axis=1)  # heldout: mistake
    conv5 = layers.Conv2D(base_filters, (3, 3), activation="relu", padding="same")(up5)
    conv5 = layers.Conv2D(base_filters, (3, 3), activation="relu", padding="same")(conv5)

    conv6 = layers.Conv2D(1, (1, 1), activation="sigmoid")(conv5)

    model = keras.Model(inputs=inputs, outputs=conv6)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="binary_crossentropy")
    return model


model = get_unet(img_rows, img_cols)
