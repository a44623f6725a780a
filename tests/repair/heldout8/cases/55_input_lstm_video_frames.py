"""Action classifier feeding whole videos to an LSTM declared with input_shape=(train_x.shape[1], train_x.shape[2])
while the clips are 4-D (frame rows, frame cols, frames) arrays (whosebug.com, "LSTM for Video Input")."""
import keras
import numpy as np
from keras import layers

train_x = np.zeros((120, 24, 24, 6), dtype="float32")  # (videos, 192x192 frames, 60 frames) in the question
uniquesegments = ["running", "dancing", "jumping", "walking", "sitting"]

model = keras.Sequential()
model.add(layers.LSTM(16, input_shape=(train_x.shape[1], train_x.shape[2])))  # heldout: mistake
model.add(layers.Dropout(0.5))
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(len(uniquesegments), activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
