"""CNN followed by an LSTM for sequences of 16x16 RGB frames: the frame CNN is not wrapped in TimeDistributed."""
import keras
from keras import layers

timesteps = 8
frame_row = 16
frame_col = 16
channels = 3

model = keras.Sequential()
model.add(layers.Conv2D(32, (3, 3), padding="same", input_shape=(frame_row, frame_col, channels)))  # heldout: mistake
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(32, (3, 3)))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Dropout(0.25))
model.add(layers.Flatten())  # heldout: mistake
model.add(layers.Dense(35, name="first_dense"))
model.add(layers.LSTM(20, return_sequences=True, name="lstm_layer"))  # heldout: mistake
model.add(layers.TimeDistributed(layers.Dense(1), name="time_distr_dense_one"))
model.compile(loss="mean_squared_error", optimizer="rmsprop")
