"""A stateful character model written for Keras 2: the first layer declares the batch with batch_input_shape=,
which Keras 3's layers do not take; an InputLayer before it declares the same input, batch size kept."""
import keras
from keras import layers

BATCH, VOCAB = 32, 57

model = keras.Sequential()
model.add(layers.Embedding(input_dim=VOCAB, output_dim=16, batch_input_shape=(BATCH, None)))
model.add(layers.GRU(128, return_sequences=True, stateful=True))
model.add(layers.Dense(VOCAB, activation="softmax"))
