"""Slot filling: per-token outputs for 30-token inputs trained on 15-token label sequences (keras-team/keras#9764)."""
import keras
from keras import layers

n_vocab = 100
n_classes = 12
input_length = 30   # question length
label_length = 15   # slot-label length

model = keras.Sequential()
model.add(keras.Input(shape=(input_length,), dtype="int32"))  # heldout: mistake
model.add(layers.Embedding(n_vocab, 16))
model.add(layers.LSTM(16, return_sequences=True))
model.add(layers.TimeDistributed(layers.Dense(n_classes, activation="softmax")))  # heldout: mistake
model.compile(optimizer="rmsprop", loss="categorical_crossentropy")
