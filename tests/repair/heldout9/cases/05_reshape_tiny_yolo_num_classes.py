"""Tiny YOLOv2 of guigzzz/Keras-Yolo-v2 trained on a custom data set: the class is given the new number of classes,
but the last 1x1 convolution keeps 125 filters (5 anchors x (5 + 20 VOC classes)), so the Reshape to
(grid, grid, 5, 5 + n_classes) cannot hold its output (guigzzz/Keras-Yolo-v2#2)."""
import keras
import numpy as np
from keras import layers

TINY_YOLOV2_ANCHOR_PRIORS = np.array([1.08, 1.19, 3.42, 4.41, 6.63, 11.38, 9.42, 5.11, 16.62, 10.52]).reshape(5, 2)


def conv_batch_lrelu(x, filters, kernel_size):
    x = layers.Conv2D(filters, kernel_size, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.LeakyReLU(negative_slope=0.1)(x)


class TinyYOLOv2:
    def __init__(self, image_size, batch_size, n_classes, is_learning_phase=False):
        self.image_size = image_size
        self.batch_size = batch_size
        self.n_classes = n_classes
        self.is_learning_phase = is_learning_phase
        self.m = self.buildModel()

    def buildModel(self):
        model_in = keras.Input((self.image_size, self.image_size, 3))
        model = model_in
        for i in range(0, 5):
            model = conv_batch_lrelu(model, 4 * 2 ** i, 3)
            model = layers.MaxPooling2D(2, padding="valid")(model)
        model = conv_batch_lrelu(model, 64, 3)
        model = layers.MaxPooling2D(2, 1, padding="same")(model)
        model = conv_batch_lrelu(model, 64, 3)
        model = conv_batch_lrelu(model, 64, 3)
        model = layers.Conv2D(125, (1, 1), padding="same", activation="linear")(model)  # heldout: mistake
        grid = self.image_size // 32
        model_out = layers.Reshape(  # heldout: mistake
            (grid, grid, len(TINY_YOLOV2_ANCHOR_PRIORS), 5 + self.n_classes))(model)
        return keras.Model(inputs=model_in, outputs=model_out)


batch_size = 8
num_classes = 3
trainnet = TinyYOLOv2(2 * 32, batch_size, num_classes, is_learning_phase=True)  # 13 * 32 in the report
model = trainnet.m
model.compile(optimizer="adam", loss="mse")
