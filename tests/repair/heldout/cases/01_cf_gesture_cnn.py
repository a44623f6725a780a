"""Hand-gesture CNN fed channels-first frames (1 x 200 x 200) with channels_last Conv2D layers."""
from keras.models import Sequential
from keras.layers import Activation, Conv2D, Dense, Dropout, Flatten, MaxPooling2D

img_rows, img_cols = 200, 200
img_channels = 1          # grayscale frames, stored as (channels, rows, cols)
nb_filters = 32
nb_pool = 2
nb_conv = 3
nb_classes = 5


def loadCNN():
    model = Sequential()
    model.add(Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid",
                     input_shape=(img_channels, img_rows, img_cols)))  # heldout: mistake
    model.add(Activation("relu"))
    model.add(Conv2D(nb_filters, (nb_conv, nb_conv)))  # heldout: mistake
    model.add(Activation("relu"))
    model.add(MaxPooling2D(pool_size=(nb_pool, nb_pool)))  # heldout: mistake
    model.add(Dropout(0.5))
    model.add(Flatten())
    model.add(Dense(128))
    model.add(Activation("relu"))
    model.add(Dropout(0.5))
    model.add(Dense(nb_classes))
    model.add(Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
    return model


model = loadCNN()
