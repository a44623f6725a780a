"""1-D CNN text classifier on pre-trained word embeddings, following Keras' pretrained_word_embeddings example
(keras-team/keras issue 9244).

The reporter's texts are padded to a much shorter MAX_SEQUENCE_LENGTH than the example's 1000 words.
"""
import keras
from keras import layers

MAX_NUM_WORDS = 500
MAX_SEQUENCE_LENGTH = 70
EMBEDDING_DIM = 16
N_LABELS = 4

embedding_layer = layers.Embedding(MAX_NUM_WORDS, EMBEDDING_DIM, trainable=False)

sequence_input = keras.Input(shape=(MAX_SEQUENCE_LENGTH,), dtype="int32")
embedded_sequences = embedding_layer(sequence_input)
x = layers.Conv1D(16, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(16, 5, activation="relu")(x)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(16, 5, activation="relu")(x)  # heldout: mistake
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(16, activation="relu")(x)
preds = layers.Dense(N_LABELS, activation="softmax")(x)

model = keras.Model(sequence_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
