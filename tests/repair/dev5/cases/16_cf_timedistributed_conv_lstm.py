"""Convolutions over each of 4 image strips (TimeDistributed) feeding an LSTM; the strips are given Theano-style
as (channels, rows, cols) = (1, 56, 14) while the convolutions are channels_last.

Source: https://github.com/keras-team/keras/issues/4172
"""
from keras.models import Sequential
from keras.layers import TimeDistributed, Conv2D, Activation, MaxPooling2D, Flatten, Dropout, LSTM, Dense

nb_filters = 16
kernel_size = (3, 3)
pool_size = (2, 2)
nb_classes = 10

model = Sequential()
model.add(TimeDistributed(Conv2D(nb_filters, kernel_size, padding="valid"),
                          input_shape=(4, 1, 56, 14)))  # heldout: mistake
model.add(TimeDistributed(Activation("relu")))
model.add(TimeDistributed(Conv2D(nb_filters, kernel_size)))
model.add(TimeDistributed(Activation("relu")))
model.add(TimeDistributed(MaxPooling2D(pool_size=pool_size)))
model.add(TimeDistributed(Flatten()))
model.add(TimeDistributed(Dropout(0.25)))
model.add(LSTM(5))
model.add(Dense(50))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
