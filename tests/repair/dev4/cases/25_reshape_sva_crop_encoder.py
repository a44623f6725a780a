"""Surround-vehicle network SDPN: a crop encoder whose pooled map is Reshape'd to a flat code, fed bigger crops
than the encoder's pooling was written for.

Source: https://github.com/ndrplz/surround_vehicles_awareness/issues/8
"""
from keras.models import Model
from keras.layers import Input, Conv2D, AveragePooling2D, Reshape, Dense


def crop_encoder(x, code_size):
    for filters in (16, 32, 64):
        x = Conv2D(filters, (3, 3), strides=(2, 2), padding="same", activation="relu")(x)
    x = Conv2D(code_size, (3, 3), strides=(2, 2), padding="same", activation="relu")(x)
    return AveragePooling2D((4, 4))(x)


def SDPN(crop_size=128, code_size=64):
    crop = Input(shape=(crop_size, crop_size, 3))
    crop_encoded = crop_encoder(crop, code_size)  # heldout: mistake
    crop_encoded = Reshape(target_shape=(code_size,))(crop_encoded)  # heldout: mistake
    x = Dense(64, activation="relu")(crop_encoded)
    out = Dense(4, activation="linear")(x)
    model = Model(crop, out)
    model.compile(optimizer="adam", loss="mse")
    return model


model = SDPN()
