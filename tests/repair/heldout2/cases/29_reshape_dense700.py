"""Dense(700) on 300-d inputs reshaped to [1, 15, 700].

Source: https://github.com/keras-team/keras/issues/1952
"""
from keras.models import Sequential
from keras.layers import Dense, Reshape, Conv2D, Flatten

model = Sequential()
model.add(Dense(700, input_shape=(300,)))
model.add(Reshape([1, 15, 700]))  # heldout: mistake
model.add(Conv2D(8, (1, 3), padding="same"))
model.add(Flatten())
model.add(Dense(1))

model.compile(loss="mse", optimizer="sgd")
