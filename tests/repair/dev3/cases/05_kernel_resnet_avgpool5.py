"""Fine-tuning head on a ResNet base whose output is already 1x1: AveragePooling2D(pool_size=(5, 5)).

Source: https://github.com/Apress/computer-vision-using-deep-learning/issues/8
"""
import keras
from keras import layers

n_classes = 4


def res_block(x, filters):
    y = layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu")(x)
    y = layers.Conv2D(filters, 3, padding="same")(y)
    s = layers.Conv2D(filters, 1, strides=2, padding="same")(x)
    return layers.Activation("relu")(layers.Add()([y, s]))


base_input = keras.Input(shape=(32, 32, 3))
x = base_input
for filters in (16, 32, 64, 64, 128):
    x = res_block(x, filters)
resNet = keras.Model(base_input, x)

outModel = resNet.output
outModel = layers.AveragePooling2D(pool_size=(5, 5))(outModel)  # heldout: mistake
outModel = layers.Flatten(name="flatten")(outModel)
outModel = layers.Dense(64, activation="relu")(outModel)
outModel = layers.Dropout(0.5)(outModel)
outModel = layers.Dense(n_classes, activation="softmax")(outModel)
model = keras.Model(resNet.input, outModel)
model.compile(optimizer="adam", loss="categorical_crossentropy")
