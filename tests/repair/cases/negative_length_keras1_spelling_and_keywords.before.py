"""A Keras 1 spectrogram tagger: Convolution2D(n, 3, 3, border_mode=...) and BatchNormalization(mode=0). The third
argument is strides in Keras 3, so the maps run out at the third pooling; the fourth block's own Keras 1 keywords
are only reached once the kernels are read as Keras 1 did, and are renamed in the same run."""
from keras.layers import (ELU, BatchNormalization, Convolution2D, Dense, Flatten, Input, MaxPooling2D)
from keras.models import Model

spectrogram = Input(shape=(96, 640, 1))
x = Convolution2D(32, 3, 3, border_mode="same")(spectrogram)
x = BatchNormalization(axis=3, mode=0)(x)
x = ELU()(x)
x = MaxPooling2D(pool_size=(2, 2))(x)
x = Convolution2D(64, 3, 3, border_mode="same")(x)
x = BatchNormalization(axis=3, mode=0)(x)
x = ELU()(x)
x = MaxPooling2D(pool_size=(3, 3))(x)
x = Convolution2D(64, 3, 3, border_mode="same")(x)
x = BatchNormalization(axis=3, mode=0)(x)
x = ELU()(x)
x = MaxPooling2D(pool_size=(4, 4))(x)
x = Convolution2D(64, 3, 3, border_mode="same")(x)
x = BatchNormalization(axis=3, mode=0)(x)
x = ELU()(x)
x = MaxPooling2D(pool_size=(4, 4))(x)
x = Flatten()(x)
tags = Dense(50, activation="sigmoid")(x)
model = Model(spectrogram, tags)
