"""3-D U-Net of mrkolarik/3D-brain-segmentation (3D-unet.py, get_unet) on MRI stacks of 20 slices: four 2x2x2
max poolings take the slice axis 20 -> 10 -> 5 -> 2 -> 1, and on the way up the stride-2 Conv3DTranspose doubles
2 to 4, which cannot be concatenated with the 5-slice third-level features
(mrkolarik/3D-brain-segmentation#8: data of shape [20, 192, 192, 1] fails to fit the model, which only works with
16 or 32 slices; the maintainer: the number of slices has to be divisible by 2^4 = 16)."""
import keras
from keras import layers


def get_unet(img_depth, img_rows, img_cols, base=4):
    inputs = keras.Input((img_depth, img_rows, img_cols, 1))  # heldout: mistake
    conv1 = layers.Conv3D(base, (3, 3, 3), activation="relu", padding="same")(inputs)
    conv1 = layers.Conv3D(base, (3, 3, 3), activation="relu", padding="same")(conv1)
    pool1 = layers.MaxPooling3D(pool_size=(2, 2, 2))(conv1)

    conv2 = layers.Conv3D(base * 2, (3, 3, 3), activation="relu", padding="same")(pool1)
    conv2 = layers.Conv3D(base * 2, (3, 3, 3), activation="relu", padding="same")(conv2)
    pool2 = layers.MaxPooling3D(pool_size=(2, 2, 2))(conv2)

    conv3 = layers.Conv3D(base * 4, (3, 3, 3), activation="relu", padding="same")(pool2)
    conv3 = layers.Conv3D(base * 4, (3, 3, 3), activation="relu", padding="same")(conv3)
    pool3 = layers.MaxPooling3D(pool_size=(2, 2, 2))(conv3)

    conv4 = layers.Conv3D(base * 8, (3, 3, 3), activation="relu", padding="same")(pool3)
    conv4 = layers.Conv3D(base * 8, (3, 3, 3), activation="relu", padding="same")(conv4)
    pool4 = layers.MaxPooling3D(pool_size=(2, 2, 2))(conv4)

    conv5 = layers.Conv3D(base * 16, (3, 3, 3), activation="relu", padding="same")(pool4)
    conv5 = layers.Conv3D(base * 16, (3, 3, 3), activation="relu", padding="same")(conv5)

    up6 = layers.concatenate([layers.Conv3DTranspose(base * 8, (2, 2, 2), strides=(2, 2, 2), padding="same")(conv5),
                              conv4], axis=4)
    conv6 = layers.Conv3D(base * 8, (3, 3, 3), activation="relu", padding="same")(up6)
    conv6 = layers.Conv3D(base * 8, (3, 3, 3), activation="relu", padding="same")(conv6)

    up7 = layers.concatenate([layers.Conv3DTranspose(base * 4, (2, 2, 2), strides=(2, 2, 2), padding="same")(conv6),  # heldout: mistake
                              conv3], axis=4)
    conv7 = layers.Conv3D(base * 4, (3, 3, 3), activation="relu", padding="same")(up7)
    conv7 = layers.Conv3D(base * 4, (3, 3, 3), activation="relu", padding="same")(conv7)

    up8 = layers.concatenate([layers.Conv3DTranspose(base * 2, (2, 2, 2), strides=(2, 2, 2), padding="same")(conv7),
                              conv2], axis=4)
    conv8 = layers.Conv3D(base * 2, (3, 3, 3), activation="relu", padding="same")(up8)
    conv8 = layers.Conv3D(base * 2, (3, 3, 3), activation="relu", padding="same")(conv8)

    up9 = layers.concatenate([layers.Conv3DTranspose(base, (2, 2, 2), strides=(2, 2, 2), padding="same")(conv8),
                              conv1], axis=4)
    conv9 = layers.Conv3D(base, (3, 3, 3), activation="relu", padding="same")(up9)
    conv9 = layers.Conv3D(base, (3, 3, 3), activation="relu", padding="same")(conv9)

    conv10 = layers.Conv3D(1, (1, 1, 1), activation="sigmoid")(conv9)
    model = keras.Model(inputs=[inputs], outputs=[conv10])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="binary_crossentropy",
                  metrics=["accuracy"])
    return model


img_depth, img_rows, img_cols = 20, 32, 32  # the reporter's stacks are 20 x 192 x 192
model = get_unet(img_depth, img_rows, img_cols)
