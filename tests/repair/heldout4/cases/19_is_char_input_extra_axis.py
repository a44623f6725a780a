"""Word + character model: the character sequence input is declared (None, 1), so its embedding is 4-D."""
import keras
from keras import layers

word_vocab_size = 1000
char_vocab_size = 60
word_embedding_dimension = 32
char_embedding_dimension = 16
charCNN_dimension = 24
n_classes = 10

word_index = keras.Input(shape=(1,), dtype="int32", name="word")
characters = keras.Input(shape=(None, 1), dtype="int32", name="characters")  # heldout: mistake

word_embedding = layers.Embedding(word_vocab_size, word_embedding_dimension)(word_index)
word_vector = layers.Flatten()(word_embedding)

shared_char_embedding_layer = layers.Embedding(input_dim=char_vocab_size + 2, output_dim=char_embedding_dimension)
char_embeddings = shared_char_embedding_layer(characters)
convolution_trichar_embedding = layers.Conv1D(charCNN_dimension, 3, padding="valid", activation="relu")(char_embeddings)  # heldout: mistake
char_vector = layers.GlobalMaxPooling1D()(convolution_trichar_embedding)

merged = layers.concatenate([word_vector, char_vector])
out = layers.Dense(n_classes, activation="softmax")(merged)
model = keras.Model([word_index, characters], out)
model.compile(loss="categorical_crossentropy", optimizer="adam")
