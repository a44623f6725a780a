"""VGG-like 1-D CNN on EEG-like data given as (7 channels, 100 samples)."""
from keras.models import Sequential
from keras.layers import Activation, Conv1D, Dense, Flatten, MaxPooling1D

model = Sequential()
model.add(Conv1D(32, 5, padding="same", input_shape=(7, 100)))  # heldout: mistake
model.add(Activation("relu"))
model.add(MaxPooling1D(pool_size=2))  # heldout: mistake
model.add(Conv1D(32, 5))  # heldout: mistake
model.add(Activation("relu"))
model.add(MaxPooling1D(pool_size=2))  # heldout: mistake

model.add(Conv1D(64, 5, padding="valid"))  # heldout: mistake
model.add(Activation("relu"))
model.add(MaxPooling1D(pool_size=2))  # heldout: mistake
model.add(Conv1D(64, 5))  # heldout: mistake
model.add(Activation("relu"))
model.add(MaxPooling1D(pool_size=2))  # heldout: mistake

model.add(Flatten())
model.add(Dense(256))
model.add(Activation("relu"))
model.add(Dense(2))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="sgd")
