"""Multi-class U-Net class (zhixuhao/unet-multi issue 2).

The repository's get_unet crops one row off the first upsampled map, written for its 360-row images; the reporter
trains on square images whose side is a multiple of 16.
"""
import keras
from keras import layers


class myUnet(object):

    def __init__(self, img_rows=32, img_cols=32, n_classes=3):
        self.img_rows = img_rows
        self.img_cols = img_cols
        self.n_classes = n_classes

    def get_unet(self):
        inputs = keras.Input((self.img_rows, self.img_cols, 3))

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

        conv5 = layers.Conv2D(64, 3, activation="relu", padding="same", kernel_initializer="he_normal")(pool4)
        drop5 = layers.Dropout(0.5)(conv5)

        up6 = layers.Conv2D(64, 2, activation="relu", padding="same",
                            kernel_initializer="he_normal")(layers.UpSampling2D(size=(2, 2))(drop5))
        up6 = layers.Cropping2D(cropping=((1, 0), (0, 0)))(up6)  # heldout: mistake
        merge6 = layers.concatenate([drop4, up6], axis=3)  # heldout: mistake
        conv6 = layers.Conv2D(64, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge6)

        up7 = layers.Conv2D(32, 2, activation="relu", padding="same",
                            kernel_initializer="he_normal")(layers.UpSampling2D(size=(2, 2))(conv6))
        merge7 = layers.concatenate([conv3, up7], axis=3)
        conv7 = layers.Conv2D(32, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge7)

        up8 = layers.Conv2D(16, 2, activation="relu", padding="same",
                            kernel_initializer="he_normal")(layers.UpSampling2D(size=(2, 2))(conv7))
        merge8 = layers.concatenate([conv2, up8], axis=3)
        conv8 = layers.Conv2D(16, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge8)

        up9 = layers.Conv2D(8, 2, activation="relu", padding="same",
                            kernel_initializer="he_normal")(layers.UpSampling2D(size=(2, 2))(conv8))
        merge9 = layers.concatenate([conv1, up9], axis=3)
        conv9 = layers.Conv2D(8, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge9)
        conv9 = layers.Conv2D(self.n_classes, 3, activation="relu", padding="same",
                              kernel_initializer="he_normal")(conv9)

        reshape = layers.Reshape((self.n_classes, self.img_rows * self.img_cols))(conv9)
        permute = layers.Permute((2, 1))(reshape)
        activation = layers.Activation("softmax")(permute)

        model = keras.Model(inputs=inputs, outputs=activation)
        model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-4), loss="categorical_crossentropy",
                      metrics=["accuracy"])
        return model


myunet = myUnet()
model = myunet.get_unet()
