"""IMDB sentiment classifier built on an attention sequence-to-sequence block of the seq2seq package: the block
outputs output_length=8 steps, and the Dense head is applied to each step, so the model predicts (None, 8, 2) for
one (2,) one-hot label per review (farizrahman4u/seq2seq#164)."""
import keras
from keras import layers

nb_words = 500
maxlen = 20
n_labels = 2


def seq2seq_block(hidden_dim, output_length, output_dim):
    """Stand-in for seq2seq.AttentionSeq2Seq: encoder LSTM, repeated context, decoder LSTM over output_length steps."""
    def apply(x):
        h = layers.LSTM(hidden_dim)(x)
        h = layers.RepeatVector(output_length)(h)
        return layers.LSTM(output_dim, return_sequences=True)(h)
    return apply


inputs = keras.Input(shape=(maxlen,), dtype="int32")
x = layers.Embedding(nb_words + 1, 16, trainable=False)(inputs)
x = layers.Dropout(0.2)(x)
x = seq2seq_block(hidden_dim=10, output_length=8, output_dim=12)(x)  # heldout: mistake
x = layers.Dense(50, activation="sigmoid")(x)
outputs = layers.Dense(n_labels, activation="softmax")(x)  # heldout: mistake
model = keras.Model(inputs, outputs)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["acc"])
