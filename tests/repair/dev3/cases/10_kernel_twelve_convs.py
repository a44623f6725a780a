"""Licence-plate CNN: twelve valid 3x3 convolutions on 20x40 images, then Flatten and two Dense layers.

Source: https://github.com/keras-team/keras/issues/2382
"""
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense, Activation

img_rows, img_cols = 20, 40
nb_filters = 16
nb_classes = 11

model = Sequential()
model.add(Conv2D(nb_filters, (3, 3), padding="valid", input_shape=(img_rows, img_cols, 1)))
model.add(Activation("relu"))
for i in range(11):
    model.add(Conv2D(nb_filters, (3, 3), padding="valid"))  # heldout: mistake
    model.add(Activation("relu"))
model.add(Flatten())
model.add(Dense(110))
model.add(Activation("relu"))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta")
