"""A frame encoder (a functional model) applied to every frame of a clip with TimeDistributed, pooled to a vector
per frame, then a GRU over the frames."""
import keras
from keras import layers

frame = keras.Input((24, 24, 3))
x = layers.Conv2D(8, 3, strides=2, activation="relu")(frame)
encoder = keras.Model(frame, layers.GlobalAveragePooling2D()(x), name="frame_encoder")

clip = keras.Input((6, 24, 24, 3))
per_frame = layers.TimeDistributed(encoder)(clip)
summary = layers.GRU(12)(per_frame)
model = keras.Model(clip, layers.Dense(4, activation="softmax")(summary))
