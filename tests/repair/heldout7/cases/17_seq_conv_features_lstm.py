"""CNN + LSTM regressor that feeds the 4-D convolution features straight into the LSTM
(keras-team/keras#8442)."""
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Conv2D(16, (3, 3), padding="same", activation="relu", input_shape=(48, 32, 1)))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(32, (3, 3), padding="same", activation="relu"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.LSTM(16, return_sequences=True))  # heldout: mistake
model.add(layers.LSTM(16))
model.add(layers.Dense(7))
model.compile(optimizer="adam", loss="mse")
