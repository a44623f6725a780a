"""Speech-command classifier of the lukas/ml-class audio lesson (videos/cnn-audio/audio.ipynb): MFCC arrays of 20
buckets x 11 frames are reshaped with a trailing channel axis for the CNN cells, and the LSTM cell declares the same
image shape, (buckets, max_len, channels), as its input, a 4-D input for a recurrent layer
(lukas/ml-class#48: "Input 0 is incompatible with layer lstm_1: expected ndim=3, found ndim=4" at
model.add(LSTM(16, input_shape=(config.buckets, config.max_len, channels), activation="sigmoid")))."""
import types

import keras
from keras import layers

config = types.SimpleNamespace(max_len=11, buckets=20, epochs=50, batch_size=100)
channels = 1
num_classes = 3  # "bed", "happy", "cat"

model = keras.Sequential()
model.add(keras.Input(shape=(config.buckets, config.max_len, channels)))  # heldout: mistake
model.add(layers.LSTM(16, activation="sigmoid"))  # heldout: mistake
model.add(layers.Dense(1, activation="sigmoid"))
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
