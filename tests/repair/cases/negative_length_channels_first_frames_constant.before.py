"""A clip model written for channels-first frames (a constant set once, read by every layer) fed frames stored
channels last, (time, rows, cols, 3): the time-distributed poolings halve the 3 colour channels taken as the
width until none is left. Every layer reads the frames channels last."""
import numpy as np
import keras
from keras import layers

FORMAT = "channels_first"
clips = np.zeros((2, 5, 24, 24, 3))
labels = np.zeros((2, 4))


def frames_block(x, filters):
    x = layers.ConvLSTM2D(filters, 3, padding="same", return_sequences=True, data_format=FORMAT)(x)
    return layers.TimeDistributed(layers.MaxPooling2D(2, data_format=FORMAT))(x)


def classifier(frames, rows, cols):
    clip = keras.Input((frames, rows, cols, 3))
    x = frames_block(clip, 4)
    x = frames_block(x, 8)
    x = layers.TimeDistributed(layers.GlobalAveragePooling2D(data_format=FORMAT))(x)
    x = layers.GRU(8)(x)
    return keras.Model(clip, layers.Dense(4, activation="softmax")(x))


model = classifier(5, 24, 24)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(clips, labels, epochs=1)
