"""Kim-style sentence CNN on the reporter's own, very short, texts: the size-8 filter is longer than the sentence."""
import keras
from keras import layers

sequence_length = 4
vocab_size = 500
embedding_dim = 16
filter_sizes = (3, 8)
num_filters = 10
dropout_prob = (0.5, 0.8)
hidden_dims = 50

model_input = keras.Input(shape=(sequence_length,), dtype="int32")
z = layers.Embedding(vocab_size, embedding_dim, name="embedding")(model_input)
z = layers.Dropout(dropout_prob[0])(z)
conv_blocks = []
for sz in filter_sizes:
    conv = layers.Conv1D(filters=num_filters, kernel_size=sz, padding="valid", activation="relu",  # heldout: mistake
                         strides=1)(z)
    conv = layers.MaxPooling1D(pool_size=2)(conv)  # heldout: mistake
    conv = layers.Flatten()(conv)
    conv_blocks.append(conv)
z = layers.Concatenate()(conv_blocks) if len(conv_blocks) > 1 else conv_blocks[0]
z = layers.Dropout(dropout_prob[1])(z)
z = layers.Dense(hidden_dims, activation="relu")(z)
model_output = layers.Dense(1, activation="sigmoid")(z)
model = keras.Model(model_input, model_output)
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
