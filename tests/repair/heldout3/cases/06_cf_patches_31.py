"""Binary classifier of 31x31 grey patches given as (1, 31, 31) on a channels_last backend."""
import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Conv2D(16, (7, 7), padding="valid", input_shape=(1, 31, 31), activation="tanh"))  # heldout: mistake
model.add(layers.Conv2D(32, (3, 3), padding="valid", activation="tanh"))
model.add(layers.Conv2D(64, (3, 3), padding="valid", activation="tanh"))
model.add(layers.Flatten())
model.add(layers.Dense(23, activation="tanh"))
model.add(layers.Dense(11, activation="sigmoid"))
model.add(layers.Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy",
              optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True))
