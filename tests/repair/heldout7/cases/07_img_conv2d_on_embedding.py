"""Conv2D applied directly to the 3-D output of an Embedding layer (keras-team/keras#7211)."""
import keras
from keras import layers

MAX_SENT_LENGTH = 20
EMBEDDING_DIM = 16
vocab_size = 100
n_classes = 5

embedding_layer = layers.Embedding(vocab_size + 1, EMBEDDING_DIM, trainable=True)
sentence_input = keras.Input(shape=(MAX_SENT_LENGTH,), dtype="int32")
embedded_sequences = embedding_layer(sentence_input)
x = layers.Conv2D(32, kernel_size=(3, 3), padding="valid", activation="relu", strides=1)(embedded_sequences)  # heldout: mistake
x = layers.MaxPooling2D((2, 2))(x)
x = layers.Flatten()(x)
preds = layers.Dense(n_classes, activation="softmax")(x)
model = keras.Model(sentence_input, preds)
model.compile(loss="categorical_crossentropy", optimizer="rmsprop", metrics=["accuracy"])
