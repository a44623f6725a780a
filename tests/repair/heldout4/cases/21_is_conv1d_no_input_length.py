"""Sentence CNN on (100, 100) word-vector matrices: Convolution1D given input_dim only, so Flatten's size is unknown."""
import keras
from keras import layers

maxlen = 20
embedding_dims = 16
nb_filter = 32
filter_length = 3
hidden_dims = 32

model = keras.Sequential()
model.add(layers.Conv1D(nb_filter, filter_length, padding="valid", activation="relu", strides=1,
                        input_shape=(None, embedding_dims)))  # heldout: mistake
model.add(layers.MaxPooling1D(pool_size=2))
model.add(layers.Flatten())  # heldout: mistake
model.add(layers.Dense(hidden_dims))  # heldout: mistake
model.add(layers.Dropout(0.25))
model.add(layers.Activation("relu"))
model.add(layers.Dense(2))
model.add(layers.Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
