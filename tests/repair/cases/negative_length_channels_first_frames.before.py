"""negative-length: clips of 6 grey frames given channels first, (6, 1, 40, 40), to TimeDistributed convolutions
that read channels last: each frame's single channel row is taken for the height.  The wrapped layers read the
frames channels first (the data stays as it is)."""
import keras
from keras import layers


def clip_classifier(frames, classes):
    model = keras.Sequential([
        keras.Input((frames, 1, 40, 40)),
        layers.TimeDistributed(layers.Conv2D(8, (3, 3), activation="relu")),
        layers.TimeDistributed(layers.MaxPooling2D((2, 2))),
        layers.TimeDistributed(layers.Flatten()),
        layers.LSTM(16),
        layers.Dense(classes, activation="softmax"),
    ])
    return model


model = clip_classifier(6, 3)
