"""Hand-gesture CNN (loadCNN): grey frames declared in Theano order (img_channels, img_rows, img_cols)."""
import keras
from keras import layers

img_rows, img_cols = 64, 64
img_channels = 1
nb_filters = 32
nb_pool = 2
nb_conv = 3
nb_classes = 5


def loadCNN(num_classes=nb_classes):
    model = keras.Sequential()
    model.add(keras.Input(shape=(img_channels, img_rows, img_cols)))  # heldout: mistake
    model.add(layers.Conv2D(nb_filters, (nb_conv, nb_conv), padding="valid"))  # heldout: mistake
    model.add(layers.Activation("relu"))
    model.add(layers.Conv2D(nb_filters, (nb_conv, nb_conv)))
    model.add(layers.Activation("relu"))
    model.add(layers.MaxPooling2D(pool_size=(nb_pool, nb_pool)))
    model.add(layers.Dropout(0.5))
    model.add(layers.Flatten())
    model.add(layers.Dense(64))
    model.add(layers.Activation("relu"))
    model.add(layers.Dropout(0.5))
    model.add(layers.Dense(num_classes))
    model.add(layers.Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="adadelta", metrics=["accuracy"])
    return model


model = loadCNN()
