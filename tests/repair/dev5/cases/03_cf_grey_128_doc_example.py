"""Grey-scale 64 x 64 images declared as input_shape=(1, rows, cols), as the old Convolution2D documentation showed
for RGB (3, 128, 128); the layers are channels_last.

Source: https://github.com/keras-team/keras/issues/3844
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout

img_rows, img_cols = 64, 64
nb_filters = 16
nb_conv = 3

model = Sequential()
model.add(Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid",
                 input_shape=(1, img_rows, img_cols)))  # heldout: mistake
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Conv2D(nb_filters, (nb_conv, nb_conv), activation="relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Flatten())
model.add(Dense(64, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
