# Fully qualified keras.layers.* names, explicit InputLayer; the LSTM gets a flattened tensor
import keras

model = keras.models.Sequential()
model.add(keras.layers.InputLayer(shape=(30, 4)))
model.add(keras.layers.Conv1D(16, 3, activation="relu"))
model.add(keras.layers.Flatten())
model.add(keras.layers.LSTM(8))  # SD101
model.add(keras.layers.Dense(1))
