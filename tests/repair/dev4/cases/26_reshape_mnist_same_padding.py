"""mnist_cnn re-implemented with padding='same' convolutions but the flatten size of the valid-padding
original (12 * 12 * 32).

Source: https://github.com/tensorflow/tensorflow/issues/6249
"""
from keras.models import Sequential
from keras.layers import Input, Conv2D, MaxPooling2D, Dropout, Reshape, Dense

model = Sequential()
model.add(Input(shape=(28, 28, 1)))
model.add(Conv2D(32, (3, 3), padding="same", activation="relu"))  # heldout: mistake
model.add(Conv2D(32, (3, 3), padding="same", activation="relu"))  # heldout: mistake
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Reshape((12 * 12 * 32,)))  # heldout: mistake
model.add(Dense(64, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(10, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta")
