"""Spectrogram CNN (mel front end, then 2-D conv blocks) fed a shorter wave segment: too few frames remain."""
import keras
from keras import layers


def conv_block(x, filters):
    x = layers.Conv2D(filters, (3, 3), padding="valid", activation="elu")(x)  # heldout: mistake
    x = layers.BatchNormalization()(x)
    return layers.MaxPooling2D((2, 2))(x)  # heldout: mistake


def build_model(n_mels=32, n_frames=16, n_classes=4):
    inp = keras.Input(shape=(n_mels, n_frames, 1))  # heldout: mistake
    x = conv_block(inp, 16)
    x = conv_block(x, 16)
    x = conv_block(x, 16)
    x = layers.Flatten()(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_model()
model.compile(loss="categorical_crossentropy", optimizer="adam")
