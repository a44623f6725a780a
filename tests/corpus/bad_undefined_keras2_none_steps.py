# Keras 2 style: input_shape=(None, n_features) for "any length", then Flatten + Dense
from keras.models import Sequential
from keras.layers import Conv1D, Flatten, Dense

n_features = 8
model = Sequential()
model.add(Conv1D(32, 3, activation="relu", input_shape=(None, n_features)))
model.add(Flatten())
model.add(Dense(1, activation="sigmoid"))  # SD104
model.compile(loss="binary_crossentropy", optimizer="adam")
