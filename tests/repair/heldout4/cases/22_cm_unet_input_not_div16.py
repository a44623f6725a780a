"""The zhixuhao U-Net (unet(input_size=...)) trained on images whose width is not a multiple of 16."""
import keras
from keras import layers


def unet(pretrained_weights=None, input_size=(256, 256, 1)):
    inputs = keras.Input(input_size)
    conv1 = layers.Conv2D(8, 3, activation="relu", padding="same", kernel_initializer="he_normal")(inputs)
    conv1 = layers.Conv2D(8, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv1)
    pool1 = layers.MaxPooling2D(pool_size=(2, 2))(conv1)
    conv2 = layers.Conv2D(16, 3, activation="relu", padding="same", kernel_initializer="he_normal")(pool1)
    conv2 = layers.Conv2D(16, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv2)
    pool2 = layers.MaxPooling2D(pool_size=(2, 2))(conv2)
    conv3 = layers.Conv2D(32, 3, activation="relu", padding="same", kernel_initializer="he_normal")(pool2)
    conv3 = layers.Conv2D(32, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv3)
    pool3 = layers.MaxPooling2D(pool_size=(2, 2))(conv3)
    conv4 = layers.Conv2D(64, 3, activation="relu", padding="same", kernel_initializer="he_normal")(pool3)
    conv4 = layers.Conv2D(64, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv4)
    drop4 = layers.Dropout(0.5)(conv4)
    pool4 = layers.MaxPooling2D(pool_size=(2, 2))(drop4)

    conv5 = layers.Conv2D(128, 3, activation="relu", padding="same", kernel_initializer="he_normal")(pool4)
    conv5 = layers.Conv2D(128, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv5)
    drop5 = layers.Dropout(0.5)(conv5)

    up6 = layers.Conv2D(64, 2, activation="relu", padding="same", kernel_initializer="he_normal")(
        layers.UpSampling2D(size=(2, 2))(drop5))
    merge6 = layers.concatenate([drop4, up6], axis=3)  # heldout: mistake
    conv6 = layers.Conv2D(64, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge6)
    conv6 = layers.Conv2D(64, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv6)

    up7 = layers.Conv2D(32, 2, activation="relu", padding="same", kernel_initializer="he_normal")(
        layers.UpSampling2D(size=(2, 2))(conv6))
    merge7 = layers.concatenate([conv3, up7], axis=3)
    conv7 = layers.Conv2D(32, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge7)
    conv7 = layers.Conv2D(32, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv7)

    up8 = layers.Conv2D(16, 2, activation="relu", padding="same", kernel_initializer="he_normal")(
        layers.UpSampling2D(size=(2, 2))(conv7))
    merge8 = layers.concatenate([conv2, up8], axis=3)
    conv8 = layers.Conv2D(16, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge8)
    conv8 = layers.Conv2D(16, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv8)

    up9 = layers.Conv2D(8, 2, activation="relu", padding="same", kernel_initializer="he_normal")(
        layers.UpSampling2D(size=(2, 2))(conv8))
    merge9 = layers.concatenate([conv1, up9], axis=3)
    conv9 = layers.Conv2D(8, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge9)
    conv9 = layers.Conv2D(8, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv9)
    conv9 = layers.Conv2D(2, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv9)
    conv10 = layers.Conv2D(1, 1, activation="sigmoid")(conv9)

    model = keras.Model(inputs=inputs, outputs=conv10)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="binary_crossentropy", metrics=["accuracy"])
    return model


model = unet(input_size=(48, 44, 1))  # heldout: mistake
