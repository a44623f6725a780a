"""A first LSTM experiment: the data array is (1, 3, 1), one sample of three one-feature steps, and the Input layer
is declared with that whole array shape, Input(shape=(1, 3, 1)), so the LSTM receives a 4-D (None, 1, 3, 1) tensor
(whosebug.com 4619555, "The input dimension of the LSTM layer in Keras": expected ndim=3, found ndim=4)."""
import keras
from keras import layers

x = keras.Input(shape=(1, 3, 1))  # heldout: mistake
y = layers.LSTM(10)(x)  # heldout: mistake
model = keras.Model(inputs=x, outputs=y)
model.compile(optimizer="adam", loss="mse")
