"""Character-CNN features concatenated with word embeddings along the time axis (keras-team/keras#14248)."""
import keras
from keras import layers


def build_model(sequence_length=40, sequence_length_word=12, n_chars=30, n_words=200, n_classes=3):
    inputs_char = keras.Input(shape=(sequence_length,), name="input_char", dtype="int32")
    char_embedding = layers.Embedding(n_chars, 14)(inputs_char)
    inputs_word = keras.Input(shape=(sequence_length_word,), name="input_word", dtype="int32")
    word_embedding = layers.Embedding(n_words, 10)(inputs_word)

    filter_sizes = [1, 2, 3, 5]
    num_filters = 6
    maxpool_pool = []
    for size in filter_sizes:
        conv = layers.Conv1D(num_filters, kernel_size=size, kernel_initializer="he_normal",
                             activation="relu", padding="same")(char_embedding)
        maxpool_pool.append(layers.MaxPooling1D(pool_size=2)(conv))
    max_time_pooling = layers.Concatenate(axis=2)(maxpool_pool)
    z = layers.Concatenate(axis=1)([max_time_pooling, word_embedding])  # heldout: mistake
    z = layers.GlobalMaxPooling1D()(z)
    out = layers.Dense(n_classes, activation="softmax")(z)
    model = keras.Model([inputs_char, inputs_word], out)
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    return model


model = build_model()
