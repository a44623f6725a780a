"""Broken: the frame encoder ends on a feature map, so TimeDistributed gives (batch, frames, h, w, c) and the
LSTM after it gets rank 5."""
import keras
from keras import layers

frame = keras.Input((24, 24, 3))
encoder = keras.Model(frame, layers.Conv2D(8, 3, strides=2)(frame), name="frame_encoder")

clip = keras.Input((6, 24, 24, 3))
per_frame = layers.TimeDistributed(encoder)(clip)
summary = layers.LSTM(12)(per_frame)  # keras-error
model = keras.Model(clip, layers.Dense(4)(summary))
