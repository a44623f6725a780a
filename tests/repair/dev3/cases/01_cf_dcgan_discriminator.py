"""DCGAN discriminator for MNIST declared on Theano-ordered (1, 28, 28) images, channels_last layers.

Source: https://github.com/jacobgil/keras-dcgan/issues/14
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Activation


def discriminator_model():
    model = Sequential()
    model.add(Conv2D(64, (5, 5), padding="same", input_shape=(1, 28, 28)))  # heldout: mistake
    model.add(Activation("tanh"))
    model.add(MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
    model.add(Conv2D(128, (5, 5)))
    model.add(Activation("tanh"))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Flatten())
    model.add(Dense(64))
    model.add(Activation("tanh"))
    model.add(Dense(1))
    model.add(Activation("sigmoid"))
    return model


model = discriminator_model()
model.compile(loss="binary_crossentropy", optimizer="sgd")
