"""Windows of an MNIST image read in sequence by a time-distributed CNN and an LSTM (anayebi/keras-extra issue 5).

Each sample is a sequence of n_timesteps windows (window x window, one channel) cut from one image; the label is the
digit of the image.
"""
import keras
from keras import layers


def build_model(n_timesteps=16, window=15, nb_classes=10):
    model = keras.Sequential()
    model.add(keras.Input(shape=(n_timesteps, window, window, 1)))
    model.add(layers.TimeDistributed(layers.Conv2D(8, (4, 4), padding="same")))
    model.add(layers.TimeDistributed(layers.MaxPooling2D(pool_size=(2, 2))))
    model.add(layers.Activation("relu"))
    model.add(layers.TimeDistributed(layers.Flatten()))
    model.add(layers.LSTM(32, return_sequences=True))  # heldout: mistake
    model.add(layers.Dense(nb_classes))
    model.add(layers.Activation("softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
    return model


model = build_model()
