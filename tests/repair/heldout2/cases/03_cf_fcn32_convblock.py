"""FCN-32s built from VGG conv blocks for Theano ordering: Input shape (3, size, size), channels_last layers.

Source: https://github.com/mzaradzki/neuralnets/issues/9
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, ZeroPadding2D, Conv2DTranspose, Dropout, InputLayer


def convblock(cdim, nb, bits=3):
    L = []
    for k in range(1, bits + 1):
        convname = "conv" + str(nb) + "_" + str(k)
        L.append(Conv2D(cdim, (3, 3), padding="same", activation="relu", name=convname))
    L.append(MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake
    return L


def fcn32_blank(image_size=64):
    mdl = Sequential()
    mdl.add(InputLayer(shape=(3, image_size, image_size)))  # heldout: mistake
    for layer in convblock(32, 1, bits=2):
        mdl.add(layer)
    for layer in convblock(64, 2, bits=2):
        mdl.add(layer)
    for layer in convblock(128, 3, bits=3):
        mdl.add(layer)
    for layer in convblock(128, 4, bits=3):
        mdl.add(layer)
    mdl.add(Conv2D(256, (1, 1), activation="relu", name="fc6"))
    mdl.add(Dropout(0.5))
    mdl.add(Conv2D(21, (1, 1), name="score_fr"))
    mdl.add(Conv2DTranspose(21, (32, 32), strides=(16, 16), padding="same", name="score2"))
    return mdl


model = fcn32_blank(64)
model.compile(loss="categorical_crossentropy", optimizer="adam")
