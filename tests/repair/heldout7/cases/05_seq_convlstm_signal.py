"""A 1-D signal classifier whose layer_conv_2d was swapped for layer_conv_lstm_2d without adding a time axis
(rstudio/keras3#220, rewritten from R)."""
import keras
from keras import layers

Smp = 24  # samples per signal window
n_classes = 3

model = keras.Sequential()
model.add(layers.ConvLSTM2D(filters=10, kernel_size=(5, 1), activation="tanh",  # heldout: mistake
                            input_shape=(Smp, 1, 1)))  # heldout: mistake
model.add(layers.MaxPooling2D(pool_size=(2, 1)))
model.add(layers.Flatten())
model.add(layers.Dense(16, activation="relu"))
model.add(layers.Dense(n_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
