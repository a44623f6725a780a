"""DCGAN discriminator_model() on MNIST digits stored as (1, 28, 28), Theano ordering with channels_last layers.

Source: https://github.com/jacobgil/keras-dcgan/issues/8
"""
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Activation, Flatten, Dense


def discriminator_model(channels=1, rows=28, cols=28):
    model = Sequential()
    model.add(Input(shape=(channels, rows, cols)))  # heldout: mistake
    model.add(Conv2D(32, (5, 5), padding="same"))
    model.add(Activation("tanh"))
    model.add(MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
    model.add(Conv2D(64, (5, 5)))
    model.add(Activation("tanh"))
    model.add(MaxPooling2D(pool_size=(2, 2)))
    model.add(Flatten())
    model.add(Dense(256))
    model.add(Activation("tanh"))
    model.add(Dense(1))
    model.add(Activation("sigmoid"))
    return model


model = discriminator_model()
model.compile(loss="binary_crossentropy", optimizer="sgd")
