"""Ultrasound-nerve U-Net: image sides that are not multiples of 16 make an upsampled map one row short of its skip."""
import keras
from keras import layers

img_rows = 52
img_cols = 72


def get_unet():
    inputs = keras.Input((img_rows, img_cols, 1))  # heldout: mistake
    conv1 = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(inputs)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(pool1)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(pool2)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = layers.Conv2D(64, (3, 3), activation="relu", padding="same")(pool3)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(conv4)
    conv5 = layers.Conv2D(128, (3, 3), activation="relu", padding="same")(pool4)

    up6 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv5), conv4], axis=3)  # heldout: mistake
    conv6 = layers.Conv2D(64, (3, 3), activation="relu", padding="same")(up6)
    up7 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv6), conv3], axis=3)  # heldout: mistake
    conv7 = layers.Conv2D(32, (3, 3), activation="relu", padding="same")(up7)
    up8 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv7), conv2], axis=3)
    conv8 = layers.Conv2D(16, (3, 3), activation="relu", padding="same")(up8)
    up9 = layers.concatenate([layers.UpSampling2D(size=(2, 2))(conv8), conv1], axis=3)
    conv9 = layers.Conv2D(8, (3, 3), activation="relu", padding="same")(up9)
    conv10 = layers.Conv2D(1, (1, 1), activation="sigmoid")(conv9)
    model = keras.Model(inputs=[inputs], outputs=[conv10])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-5), loss="binary_crossentropy")
    return model


model = get_unet()
