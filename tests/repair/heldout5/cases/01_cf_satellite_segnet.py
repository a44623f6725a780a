"""SegNet for satellite tiles, built by a function (AstarLight/Satellite-Segmentation issue 81).

The tiles are read with cv2 and img_to_array, so each sample is (rows, cols, 3); the labels are one-hot per pixel,
reshaped to (rows * cols, n_label).
"""
import keras
from keras import layers

IMG_W = 32
IMG_H = 32
N_LABEL = 5


def SegNet(img_w, img_h, n_label):
    model = keras.Sequential()
    # encoder
    model.add(layers.Conv2D(16, (3, 3), strides=(1, 1), input_shape=(3, img_w, img_h), padding="same",  # heldout: mistake
                            activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.Conv2D(16, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    model.add(layers.Conv2D(32, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.Conv2D(32, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
    model.add(layers.Conv2D(64, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.Conv2D(64, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.MaxPooling2D(pool_size=(2, 2)))
    # decoder
    model.add(layers.UpSampling2D(size=(2, 2)))
    model.add(layers.Conv2D(64, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.UpSampling2D(size=(2, 2)))
    model.add(layers.Conv2D(32, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.UpSampling2D(size=(2, 2)))
    model.add(layers.Conv2D(16, (3, 3), strides=(1, 1), padding="same", activation="relu"))
    model.add(layers.BatchNormalization())
    model.add(layers.Conv2D(n_label, (1, 1), strides=(1, 1), padding="same"))
    model.add(layers.Reshape((n_label, img_w * img_h)))
    model.add(layers.Permute((2, 1)))
    model.add(layers.Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
    return model


model = SegNet(IMG_W, IMG_H, N_LABEL)
