# Reshaping conv features for an LSTM with the pre-pooling length
import keras
from keras import layers

N_STEPS = 100
inp = keras.Input(shape=(N_STEPS, 1))
x = layers.Conv1D(16, 5, padding="same", activation="relu")(inp)
x = layers.MaxPooling1D(2)(x)
x = layers.Reshape((N_STEPS, 16))(x)  # SD103
x = layers.LSTM(32)(x)
out = layers.Dense(1)(x)
model = keras.Model(inp, out)
