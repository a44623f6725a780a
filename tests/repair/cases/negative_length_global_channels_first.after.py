"""negative-length: the global image_data_format set to channels_first (as keras.json does) on channels-last images: every layer reads 150 "channels"; fix 1 sets channels_last on each."""
from keras import backend as K
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

K.set_image_data_format("channels_first")

model = Sequential()
model.add(Conv2D(32, (3, 3), activation="relu", input_shape=(150, 150, 3), data_format="channels_last"))
model.add(MaxPooling2D(pool_size=(2, 2), data_format="channels_last"))
model.add(Conv2D(32, (3, 3), activation="relu", data_format="channels_last"))
model.add(MaxPooling2D(pool_size=(2, 2), data_format="channels_last"))
model.add(Flatten(data_format="channels_last"))
model.add(Dense(1, activation="sigmoid"))
