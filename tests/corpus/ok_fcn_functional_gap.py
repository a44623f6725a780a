"""Fully convolutional network (Wang et al. 2017) for UCR time series classification."""
import keras
from keras import layers


def build_fcn(input_shape=(150, 1), nb_classes=2):
    input_layer = keras.Input(shape=input_shape)
    conv1 = layers.Conv1D(filters=128, kernel_size=8, padding="same")(input_layer)
    conv1 = layers.BatchNormalization()(conv1)
    conv1 = layers.Activation("relu")(conv1)
    conv2 = layers.Conv1D(filters=256, kernel_size=5, padding="same")(conv1)
    conv2 = layers.BatchNormalization()(conv2)
    conv2 = layers.Activation("relu")(conv2)
    conv3 = layers.Conv1D(128, kernel_size=3, padding="same")(conv2)
    conv3 = layers.BatchNormalization()(conv3)
    conv3 = layers.Activation("relu")(conv3)
    gap = layers.GlobalAveragePooling1D()(conv3)
    output_layer = layers.Dense(nb_classes, activation="softmax")(gap)
    model = keras.models.Model(inputs=input_layer, outputs=output_layer)
    model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
    return model


model = build_fcn()
