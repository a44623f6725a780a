"""Kim-style text CNN with square Conv2D kernels over the (words x embedding) matrix, pooled over the words and
concatenated on axis 1 (bhaveshoswal/CNN-text-classification-keras#3)."""
import keras
from keras import layers

num_filters = 8
filter_sizes = [3, 4, 5]


def define_model(max_length, vocab_size):
    inputs = keras.Input(shape=(max_length,))
    embedding1 = layers.Embedding(vocab_size, 16)(inputs)
    reshape = layers.Reshape((max_length, 16, 1))(embedding1)

    conv1 = layers.Conv2D(num_filters, filter_sizes[0], activation="relu")(reshape)  # heldout: mistake
    conv2 = layers.Conv2D(num_filters, filter_sizes[1], activation="relu")(reshape)  # heldout: mistake
    conv3 = layers.Conv2D(num_filters, filter_sizes[2], activation="relu")(reshape)  # heldout: mistake
    pool1 = layers.MaxPooling2D(pool_size=(max_length - filter_sizes[0] + 1, 1), strides=(1, 1), padding="valid")(conv1)
    pool2 = layers.MaxPooling2D(pool_size=(max_length - filter_sizes[1] + 1, 1), strides=(1, 1), padding="valid")(conv2)
    pool3 = layers.MaxPooling2D(pool_size=(max_length - filter_sizes[2] + 1, 1), strides=(1, 1), padding="valid")(conv3)
    merged = layers.concatenate([pool1, pool2, pool3], axis=1)  # heldout: mistake
    flatten = layers.Flatten()(merged)
    dropout = layers.Dropout(0.5)(flatten)
    dense1 = layers.Dense(10, activation="relu")(dropout)
    outputs = layers.Dense(1, activation="sigmoid")(dense1)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
    return model


model = define_model(max_length=20, vocab_size=50)
