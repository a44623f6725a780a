"""Hyperparameter template: the pooling LSTM exists only in the 'four' branch; 'three' leaves a sequence for Dense."""
import keras
from keras import layers

max_words = 1000
embedding_dim = 32
depth = "three"  # the value the search picked

model = keras.Sequential()
model.add(keras.Input(shape=(100,), dtype="int32"))
model.add(layers.Embedding(max_words, embedding_dim))
model.add(layers.LSTM(32, return_sequences=True))
model.add(layers.Dropout(0.3))
if depth == "four":
    model.add(layers.LSTM(100))  # heldout: mistake
    model.add(layers.Dropout(0.3))
model.add(layers.Dense(2, activation="sigmoid"))  # heldout: mistake
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
