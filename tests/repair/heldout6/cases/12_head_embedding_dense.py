"""Text classifier whose sigmoid head sits directly on the token embeddings (mrdbourke/tensorflow-deep-learning#496)."""
import keras
from keras import layers


def build_model_1(max_length=15, max_vocab_length=1000, embedding_dim=16):
    inputs = keras.Input(shape=(max_length,), dtype="int32")
    embedding = layers.Embedding(input_dim=max_vocab_length, output_dim=embedding_dim, name="embedding_1")
    x = embedding(inputs)  # heldout: mistake
    outputs = layers.Dense(1, activation="sigmoid")(x)  # heldout: mistake
    model = keras.Model(inputs, outputs, name="model_1_dense")
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
    return model


model = build_model_1()
