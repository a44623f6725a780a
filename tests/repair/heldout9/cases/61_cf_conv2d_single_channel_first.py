"""Conv2D on single-channel 10000 x 80 matrices declared channels-first, input_shape=(1, 10000, 80): under the
channels-last default the 3x3 kernel runs over an axis of height 1 with 80 "channels" (cloud.tencent.com
developer/information page on "Negative dimension size caused by subtracting 3 from 1 for 'conv2d_1/convolution'
(op: 'Conv2D') with input shapes: [?,1,10000,80], [3,3,80,16]")."""
import keras
from keras import layers


def build_model(n_rows, n_cols, n_filters=16):
    model = keras.Sequential()
    model.add(keras.Input(shape=(1, n_rows, n_cols)))  # heldout: mistake
    model.add(layers.Conv2D(n_filters, (3, 3), activation="relu"))  # heldout: mistake
    model.add(layers.MaxPooling2D((2, 2)))
    model.add(layers.Flatten())
    model.add(layers.Dense(1, activation="sigmoid"))
    return model


model = build_model(100, 20)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
