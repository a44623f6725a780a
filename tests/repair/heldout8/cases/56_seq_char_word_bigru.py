"""String encoder that splits a string into words and words into characters, embeds every character and feeds
the (words, chars, embedding) tensor straight to a Bidirectional GRU (whosebug.com, "Bidirectional GRU with
2x2 inputs")."""
import keras
from keras import layers



def build_string_encoder(n_words, n_chars, char_vocab, char_dim, units, n_classes):
    inputs = keras.Input(shape=(n_words, n_chars), dtype="int32")
    chars = layers.Embedding(char_vocab, char_dim)(inputs)  # (None, words, chars, char_dim)
    words = layers.Bidirectional(layers.GRU(units, return_sequences=True))(chars)  # heldout: mistake
    string_vec = layers.Bidirectional(layers.GRU(units))(words)
    outputs = layers.Dense(n_classes, activation="softmax")(string_vec)
    return keras.Model(inputs, outputs)


model = build_string_encoder(n_words=5, n_chars=5, char_vocab=30, char_dim=6, units=8, n_classes=4)
model.compile(optimizer="adam", loss="categorical_crossentropy")
