"""1-D CNN on a two-column table whose input_shape is the whole X_train.shape.

Source: https://github.com/keras-team/keras/issues/13151
"""
import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Dropout, MaxPooling1D, Flatten, Dense

X_train = np.zeros((335, 2), dtype="float32")
n_outputs = 4

model = Sequential()
model.add(Conv1D(filters=16, kernel_size=3, activation="relu", input_shape=X_train.shape))  # heldout: mistake
model.add(Conv1D(filters=16, kernel_size=3, activation="relu"))
model.add(Dropout(0.5))
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(32, activation="relu"))
model.add(Dense(n_outputs, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
