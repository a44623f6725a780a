"""Tabular data reshaped to (samples, 1, 20): a kernel-3 Conv1D and pool 10 over a single time step."""
from keras.models import Sequential
from keras.layers import Activation, Convolution1D, Dense, Dropout, Flatten, MaxPooling1D

nb_filter = 64
filter_length = 3
hidden_dims = 5

model = Sequential()
model.add(Convolution1D(filters=nb_filter, kernel_size=filter_length, padding="valid", activation="relu",  # heldout: mistake
                        input_shape=(1, 20)))  # heldout: mistake
model.add(MaxPooling1D(pool_size=10))  # heldout: mistake
model.add(Flatten())
model.add(Dense(hidden_dims))
model.add(Dropout(0.2))
model.add(Activation("relu"))
model.add(Dense(5))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
