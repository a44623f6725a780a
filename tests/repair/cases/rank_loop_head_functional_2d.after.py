"""rank: the GlobalAveragePooling2D/Dense head of a functional Conv2D loop written one level too deep."""
import keras
from keras import layers


def build(num_classes=4):
    inputs = keras.Input(shape=(96, 96, 3))
    x = inputs
    for filters in [16, 32, 64]:
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D()(x)
    # head
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, x)


model = build()
