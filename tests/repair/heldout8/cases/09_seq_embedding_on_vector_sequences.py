"""Stacked-LSTM regressor whose first layer is an Embedding although each time step is already a 64-d vector:
the Embedding adds a fourth axis and the LSTM receives a 4-D tensor (keras-team/keras#1897)."""
import keras
from keras import layers

max_features = 100
embedding_size = 16
maxlen = 20

model = keras.Sequential()
model.add(keras.Input(shape=(maxlen, 8)))  # vectors of the sequences: (291, 200, 64) in the report
model.add(layers.Embedding(max_features, embedding_size))  # heldout: mistake
model.add(layers.LSTM(50, return_sequences=True))  # heldout: mistake
model.add(layers.LSTM(50, return_sequences=False))
model.add(layers.Dense(1))
model.compile(loss="mse", optimizer="rmsprop")
