"""Three Theano-ordered Conv2D branches (1 x 8 x 10 images) concatenated on the channel axis, then LSTM(240).

Source: https://github.com/keras-team/keras/issues/5032
"""
import keras
from keras import layers


def branch(inp):
    x = layers.Conv2D(40, (3, 3), padding="same", data_format="channels_first")(inp)
    x = layers.Activation("relu")(x)
    return layers.MaxPooling2D(pool_size=(2, 2), data_format="channels_first")(x)


izd = keras.Input(shape=(1, 8, 10))
dcha = keras.Input(shape=(1, 8, 10))
frt = keras.Input(shape=(1, 8, 10))
merged = layers.concatenate([branch(izd), branch(dcha), branch(frt)], axis=1)
x = layers.LSTM(240)(merged)  # heldout: mistake
out = layers.Dense(1)(x)
model = keras.Model([izd, dcha, frt], out)
model.compile(optimizer="adam", loss="mse")
