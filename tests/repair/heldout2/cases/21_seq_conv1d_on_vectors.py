"""Conv1D text-example adapted to tabular rows: X_train is (20000, 24), declared as 24 input channels.

Source: https://github.com/keras-team/keras/issues/1348
Keras 1's Convolution1D(input_dim=24) is written as input_shape=(24,).
"""
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling1D, Flatten, Dense, Dropout, Activation

nb_filters = 250
filter_length = 3
hidden_dims = 250
nb_classes = 6

model = Sequential()
model.add(Conv1D(nb_filters, filter_length, padding="valid", activation="relu", strides=1, input_shape=(24,)))  # heldout: mistake
model.add(MaxPooling1D(pool_size=2))
model.add(Flatten())
model.add(Dense(hidden_dims))
model.add(Dropout(0.25))
model.add(Activation("relu"))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))

model.compile(loss="categorical_crossentropy", optimizer="rmsprop")
