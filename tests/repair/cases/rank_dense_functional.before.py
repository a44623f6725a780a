"""rank: LSTM after Dense in functional code; the consumer writes to a new name."""
import keras

inputs = keras.Input(shape=(30,))
hidden = keras.layers.Dense(40, activation="tanh")(inputs)
encoded = keras.layers.LSTM(8)(hidden)
outputs = keras.layers.Dense(1)(encoded)
model = keras.Model(inputs, outputs)
