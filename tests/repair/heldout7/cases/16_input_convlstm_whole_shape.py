"""ConvLSTM2D declared with input_shape=x_train.shape, the sample axis included (keras-team/keras#10235)."""
import keras
import numpy as np
from keras import layers

x_train = np.zeros((20, 12, 1, 1, 16), dtype="float32")  # (samples, time, rows, cols, channels)
lstm_out = 16
n_classes = 2

model = keras.Sequential()
model.add(layers.ConvLSTM2D(lstm_out, dropout=0.2, input_shape=x_train.shape, kernel_size=(1, 1),  # heldout: mistake
                            return_sequences=False))  # heldout: mistake
model.add(layers.Flatten())
model.add(layers.Dense(n_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
