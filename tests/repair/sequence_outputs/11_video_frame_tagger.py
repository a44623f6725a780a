"""Per-frame action tagging in short clips: TimeDistributed CNN per frame, LSTM over frames, a softmax per
frame, one-hot targets (batch, frames, classes)."""
import numpy as np
from keras.layers import LSTM, Conv2D, Dense, GlobalAveragePooling2D, Input, MaxPooling2D, TimeDistributed
from keras.models import Model

frames, height, width, channels = 8, 32, 32, 3
n_classes = 6

clip = Input(shape=(frames, height, width, channels))
x = TimeDistributed(Conv2D(16, (3, 3), activation="relu", padding="same"))(clip)
x = TimeDistributed(MaxPooling2D((2, 2)))(x)
x = TimeDistributed(Conv2D(32, (3, 3), activation="relu", padding="same"))(x)
x = TimeDistributed(GlobalAveragePooling2D())(x)
x = LSTM(64, return_sequences=True)(x)
out = TimeDistributed(Dense(n_classes, activation="softmax"))(x)
model = Model(clip, out)
model.compile(loss="categorical_crossentropy", optimizer="adam")

videos = np.random.rand(6, frames, height, width, channels).astype("float32")
labels = np.zeros((6, frames, n_classes), dtype="float32")
labels[:, :, 2] = 1.0
model.fit(videos, labels, batch_size=3, epochs=1)
