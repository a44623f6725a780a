"""invalid-argument: input_shape=X_train.shape of an array made in the file, (200, 24, 3): the 200 samples taken
for an axis of each sample (fit then fails on rank). The safe fix slices the samples axis off where it is written."""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, GlobalMaxPooling1D, Dense

X_train = np.zeros((200, 24, 3), dtype="float32")
model = Sequential()
model.add(Conv1D(16, 3, activation="relu", input_shape=X_train.shape[1:]))
model.add(GlobalMaxPooling1D())
model.add(Dense(1))
