"""EEG sparse-coefficient classifier: Convolution1D given input_shape=(1886,), one vector per sample."""
from keras.models import Sequential
from keras.layers import Activation, Convolution1D, Dense, Flatten

model = Sequential()
model.add(Convolution1D(filters=32, kernel_size=1, strides=3, input_shape=(1886,)))  # heldout: mistake
model.add(Activation("relu"))
model.add(Flatten())
model.add(Dense(3, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
