"""MNIST CNN on data reshaped to (n, 1, rows, cols) with input_shape=(1, rows, cols), run on the channels-last
default (openillumi.com, Keras Conv2D negative dimension error)."""
import keras
from keras import layers

img_rows, img_cols = 28, 28
nb_filters = 16
nb_conv = 3
nb_pool = 2
nb_classes = 10

model = keras.Sequential()
model.add(layers.Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid",
                        input_shape=(1, img_rows, img_cols)))  # heldout: mistake
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(nb_filters, (nb_conv, nb_conv)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(nb_pool, nb_pool)))
model.add(layers.Dropout(0.25))
model.add(layers.Flatten())
model.add(layers.Dense(64))
model.add(layers.Activation("relu"))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(nb_classes))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
