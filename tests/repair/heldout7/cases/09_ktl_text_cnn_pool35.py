"""Text CNN (blog "pre-trained word embeddings" style) whose last MaxPooling1D(35) is wider than what is left of
a short sequence (keras-team/keras#2527, the reproduction in the thread)."""
import keras
from keras import layers

embedding_dimension = 16
max_sequence_length = 200

embedding_layer = layers.Embedding(input_dim=1000 + 1, output_dim=embedding_dimension)
sequence_input = keras.Input(shape=(max_sequence_length,), dtype="int32")
embedded_sequences = embedding_layer(sequence_input)
x = layers.Conv1D(16, 5, activation="relu")(embedded_sequences)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(16, 5, activation="relu")(x)
x = layers.MaxPooling1D(5)(x)
x = layers.Conv1D(16, 5, activation="relu")(x)
x = layers.MaxPooling1D(35)(x)  # heldout: mistake
x = layers.Flatten()(x)
x = layers.Dense(16, activation="relu")(x)
preds = layers.Dense(2, activation="softmax")(x)
model = keras.Model(sequence_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
