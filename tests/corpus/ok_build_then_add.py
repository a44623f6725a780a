"""Sequential without an input layer, built explicitly with model.build()."""
import keras

N_STEPS, N_CHANNELS = 100, 3

model = keras.Sequential(name="sensor_net")
model.add(keras.layers.Conv1D(32, 5, activation="relu"))
model.add(keras.layers.MaxPooling1D(2))
model.add(keras.layers.Conv1D(64, 5, activation="relu"))
model.add(keras.layers.GlobalMaxPooling1D())
model.add(keras.layers.Dense(4, activation="softmax"))
model.build((None, N_STEPS, N_CHANNELS))
