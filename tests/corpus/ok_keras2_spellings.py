# Old Keras 2 tutorial code, still valid: Convolution1D, MaxPool1D, input_shape=
from keras.models import Sequential
from keras.layers import Convolution1D, MaxPool1D, Flatten, Dense, Activation

model = Sequential()
model.add(Convolution1D(64, 3, padding="valid", input_shape=(60, 1)))
model.add(Activation("relu"))
model.add(MaxPool1D(pool_size=2))
model.add(Convolution1D(32, 3))
model.add(Activation("relu"))
model.add(MaxPool1D(pool_size=2))
model.add(Flatten())
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
