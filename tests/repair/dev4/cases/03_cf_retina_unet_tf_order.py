"""Retina blood-vessel U-Net get_unet(n_ch, patch_height, patch_width) on (n_ch, h, w) patches with TensorFlow
(channels_last) ordering; the skip is concatenated on axis 1.

Source: https://github.com/orobix/retina-unet/issues/11
"""
from keras.models import Model
from keras.layers import Input, Conv2D, MaxPooling2D, UpSampling2D, Dropout, Reshape, Permute, Activation, concatenate


def get_unet(n_ch, patch_height, patch_width):
    inputs = Input(shape=(n_ch, patch_height, patch_width))  # heldout: mistake
    conv1 = Conv2D(16, (3, 3), activation="relu", padding="same")(inputs)
    conv1 = Dropout(0.2)(conv1)
    conv1 = Conv2D(16, (3, 3), activation="relu", padding="same")(conv1)
    pool1 = MaxPooling2D((2, 2))(conv1)  # heldout: mistake
    conv2 = Conv2D(32, (3, 3), activation="relu", padding="same")(pool1)
    conv2 = Dropout(0.2)(conv2)
    conv2 = Conv2D(32, (3, 3), activation="relu", padding="same")(conv2)
    pool2 = MaxPooling2D((2, 2))(conv2)
    conv3 = Conv2D(64, (3, 3), activation="relu", padding="same")(pool2)
    conv3 = Dropout(0.2)(conv3)
    conv3 = Conv2D(64, (3, 3), activation="relu", padding="same")(conv3)
    up1 = UpSampling2D(size=(2, 2))(conv3)
    up1 = concatenate([conv2, up1], axis=1)
    conv4 = Conv2D(32, (3, 3), activation="relu", padding="same")(up1)
    conv4 = Conv2D(32, (3, 3), activation="relu", padding="same")(conv4)
    up2 = UpSampling2D(size=(2, 2))(conv4)
    up2 = concatenate([conv1, up2], axis=1)
    conv5 = Conv2D(16, (3, 3), activation="relu", padding="same")(up2)
    conv5 = Conv2D(16, (3, 3), activation="relu", padding="same")(conv5)
    conv6 = Conv2D(2, (1, 1), activation="relu", padding="same")(conv5)
    conv6 = Reshape((2, patch_height * patch_width))(conv6)
    conv6 = Permute((2, 1))(conv6)
    conv7 = Activation("softmax")(conv6)
    model = Model(inputs=inputs, outputs=conv7)
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    return model


model = get_unet(1, 48, 48)
