"""Grid-map DQN: Conv2D -> Flatten -> LSTM(return_sequences=True) -> Dense Q-values."""
from keras.layers import LSTM, Activation, Conv2D, Dense, Flatten
from keras.models import Sequential
from keras.optimizers import Adam

map_size = 10

model = Sequential()
model.add(Conv2D(32, (3, 3), input_shape=(map_size, map_size, 1), strides=(1, 1), padding="same"))
model.add(Activation("relu"))
model.add(Flatten())  # heldout: mistake
model.add(LSTM(100, return_sequences=True, activation="tanh"))  # heldout: mistake
model.add(Dense(units=300, activation="relu"))  # heldout: mistake
model.add(Dense(units=5, activation="linear"))  # heldout: mistake
adam = Adam(learning_rate=1e-4)
model.compile(loss="mse", optimizer=adam)
