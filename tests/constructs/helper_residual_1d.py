"""ResNet-style residual blocks for time series: `shortcut = x` ... `x = layers.add([x, shortcut])`."""
from tensorflow import keras
from tensorflow.keras import layers

N_STEPS, N_CHANNELS, N_CLASSES = 150, 3, 4


def residual_block(x, filters, project=True):
    shortcut = x
    y = layers.Conv1D(filters, 8, padding="same")(x)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv1D(filters, 5, padding="same")(y)
    y = layers.BatchNormalization()(y)
    y = layers.Activation("relu")(y)
    y = layers.Conv1D(filters, 3, padding="same")(y)
    y = layers.BatchNormalization()(y)
    if project:
        shortcut = layers.Conv1D(filters, 1, padding="same")(shortcut)
        shortcut = layers.BatchNormalization()(shortcut)
    x = layers.add([y, shortcut])
    return layers.Activation("relu")(x)


input_layer = keras.layers.Input((N_STEPS, N_CHANNELS))
block = residual_block(input_layer, 64)
block = residual_block(block, 128)
block = residual_block(block, 128, project=False)
gap = layers.GlobalAveragePooling1D()(block)
output_layer = layers.Dense(N_CLASSES, activation="softmax")(gap)
resnet = keras.models.Model(inputs=input_layer, outputs=output_layer)
