"""Kaggle distracted-driver simple model: create_model_v1(img_rows, img_cols, color_type) with (color_type, rows, cols).

Source: https://github.com/ZFTurbo/KAGGLE_DISTRACTED_DRIVER/issues/5
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout, Activation


def create_model_v1(img_rows, img_cols, color_type=1):
    nb_classes = 10
    nb_filters = 8
    nb_pool = 2
    nb_conv = 3
    model = Sequential()
    model.add(Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid",
                     input_shape=(color_type, img_rows, img_cols)))  # heldout: mistake
    model.add(Activation("relu"))
    model.add(Conv2D(nb_filters, (nb_conv, nb_conv)))
    model.add(Activation("relu"))
    model.add(MaxPooling2D(pool_size=(nb_pool, nb_pool)))
    model.add(Dropout(0.5))
    model.add(Flatten())
    model.add(Dense(128))
    model.add(Activation("relu"))
    model.add(Dropout(0.5))
    model.add(Dense(nb_classes))
    model.add(Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adadelta")
    return model


model = create_model_v1(24, 32, 1)
