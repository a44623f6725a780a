"""Binary classification of long 1-D signals: Conv1D with a long kernel, MaxPooling1D, then Dense(1) on the
pooled sequence (no Flatten / global pooling).

Source: https://github.com/keras-team/keras/issues/7544
"""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dropout, Activation, MaxPooling1D, Dense

X = np.zeros((20, 200, 1), dtype="float32")

model = Sequential()
model.add(Conv1D(filters=5, kernel_size=40, activation="relu", input_shape=X.shape[1:]))
model.add(Dropout(0.4))
model.add(Activation("sigmoid"))
model.add(MaxPooling1D())
model.add(Dense(1, activation="sigmoid"))  # heldout: mistake
model.compile(loss="binary_crossentropy", optimizer="adam")
