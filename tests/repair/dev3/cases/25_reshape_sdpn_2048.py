"""SDPN: backbone features of a vehicle crop reshaped to a flat (2048,) vector, which only held for one backbone version.

Source: https://github.com/ndrplz/surround_vehicles_awareness/issues/8
"""
import keras
from keras import layers

FEATURES = 64  # stands for ResNet50's 2048 channels


def backbone(x):
    x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
    x = layers.Conv2D(FEATURES, 3, strides=2, padding="same", activation="relu")(x)
    return layers.MaxPooling2D(2)(x)


def SDPN(crop_size=(32, 32)):
    crop = keras.Input(shape=crop_size + (3,), name="crop")
    coords = keras.Input(shape=(4,), name="coords")
    crop_encoded = backbone(crop)
    crop_encoded = layers.Reshape(target_shape=(FEATURES,))(crop_encoded)  # heldout: mistake
    coords_encoded = layers.Dense(16, activation="relu")(coords)
    merged = layers.Concatenate()([crop_encoded, coords_encoded])
    x = layers.Dense(64, activation="relu")(merged)
    out = layers.Dense(4, activation="linear")(x)
    return keras.Model([crop, coords], out)


model = SDPN()
model.compile(optimizer="adam", loss="mse")
