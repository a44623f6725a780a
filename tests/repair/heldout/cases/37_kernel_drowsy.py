"""Drowsiness CNN on 20 x 10 eye crops: a second valid 3x3 conv after a 3x3 pool leaves no width."""
from keras.models import Sequential
from keras.layers import Activation, BatchNormalization, Conv2D, Dense, Dropout, Flatten, MaxPooling2D


def build_model(input_shape=(20, 10, 1), num_classes=2):
    model = Sequential()
    model.add(Conv2D(32, (5, 5), padding="same", data_format="channels_last", input_shape=input_shape))
    model.add(BatchNormalization())
    model.add(Activation("relu"))
    model.add(Conv2D(32, (3, 3)))  # heldout: mistake
    model.add(BatchNormalization())
    model.add(Activation("relu"))
    model.add(MaxPooling2D(pool_size=(3, 3)))  # heldout: mistake
    model.add(Dropout(0.25))

    model.add(Conv2D(64, (3, 3), padding="same"))
    model.add(BatchNormalization())
    model.add(Activation("relu"))
    model.add(Conv2D(64, (3, 3)))  # heldout: mistake
    model.add(Activation("relu"))
    model.add(MaxPooling2D(pool_size=(3, 3)))  # heldout: mistake
    model.add(Dropout(0.25))

    model.add(Flatten())
    model.add(Dense(512))
    model.add(Activation("relu"))
    model.add(Dropout(0.5))
    model.add(Dense(num_classes))
    model.add(Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = build_model()
