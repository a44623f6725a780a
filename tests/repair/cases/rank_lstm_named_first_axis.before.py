"""rank: an LSTM declared on spectrogram "images" (mel bands x frames x 1 channel) whose sizes come from a settings
object: the first size is the number of mel bands the author named, not a sample count copied from the data, so
the fix keeps it and gives the LSTM its (steps, features) by dropping the channel axis."""
import types

import keras
from keras import layers

settings = types.SimpleNamespace(mels=16, frames=24, classes=4)

model = keras.Sequential()
model.add(keras.Input(shape=(settings.mels, settings.frames, 1)))
model.add(layers.LSTM(12))
model.add(layers.Dense(settings.classes, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
