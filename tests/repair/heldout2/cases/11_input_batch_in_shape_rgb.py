"""Simulator RGB frames of shape (3, 144, 256): input_shape built as (1,) + rgb, the batch axis included.

Source: https://github.com/keras-team/keras/issues/10903
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

rgb = (3, 144, 256)
rgb_shape = (1,) + rgb  # heldout: mistake

rgb_model = Sequential()
rgb_model.add(Conv2D(32, (11, 11), strides=(3, 3), padding="valid", activation="relu", input_shape=rgb_shape,  # heldout: mistake
                     data_format="channels_first"))
rgb_model.add(MaxPooling2D((3, 3), strides=(2, 2), data_format="channels_first"))
rgb_model.add(Conv2D(64, (5, 5), activation="relu", data_format="channels_first"))
rgb_model.add(Flatten())
rgb_model.add(Dense(4, activation="linear"))

rgb_model.compile(loss="mse", optimizer="adam")
model = rgb_model
