"""Sentence model: Embedding output (steps, embedding_dim) fed straight to Conv2D(32, (3, 3)).

Source: https://github.com/keras-team/keras/issues/7211
"""
import keras
from keras.layers import Input, Embedding, Conv2D, GlobalMaxPooling2D, Dense

MAX_SENT_LENGTH = 20
EMBEDDING_DIM = 16
vocab_size = 500

sentence_input = Input(shape=(MAX_SENT_LENGTH,), dtype="int32")
embedded_sequences = Embedding(vocab_size, EMBEDDING_DIM)(sentence_input)
x = Conv2D(32, kernel_size=(3, 3), padding="valid", activation="relu", strides=1)(embedded_sequences)  # heldout: mistake
x = GlobalMaxPooling2D()(x)
preds = Dense(2, activation="softmax")(x)
model = keras.Model(sentence_input, preds)
model.compile(optimizer="adam", loss="categorical_crossentropy")
