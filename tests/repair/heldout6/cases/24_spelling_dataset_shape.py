"""Stacked LSTMs declared with input_shape = the shape of the whole feature matrix (keras-team/keras#12279)."""
import keras
from keras import layers

n_rows, n_features = 51, 10
tfidf_matrix_shape = (n_rows, n_features)

model = keras.Sequential()
input_shape = tfidf_matrix_shape  # heldout: mistake
model.add(layers.LSTM(32, return_sequences=True, input_shape=input_shape))  # heldout: mistake
model.add(layers.LSTM(64))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(1))
model.add(layers.Activation("sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="rmsprop")
