"""Forecast temperature and humidity from a shared trunk: two heads, two losses."""
import keras
from keras import layers

N_STEPS = 72
N_FEATURES = 7

inputs = keras.Input(shape=(N_STEPS, N_FEATURES))
trunk = layers.Conv1D(32, 3, activation="relu")(inputs)
trunk = layers.Conv1D(32, 3, strides=2, activation="relu")(trunk)
trunk = layers.Cropping1D((1, 1))(trunk)
trunk = layers.LSTM(32)(trunk)
temp = layers.Dense(1, name="temperature")(trunk)
hum = layers.Dense(1, activation="sigmoid", name="humidity")(trunk)
model = keras.Model(inputs=inputs, outputs=[temp, hum])
model.compile(optimizer="adam", loss=["mse", "binary_crossentropy"])
