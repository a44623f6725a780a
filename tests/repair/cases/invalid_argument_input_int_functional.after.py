# Keras 2 accepted an int as the input shape; Keras 3 raises "Cannot convert '1024' to a shape".
import keras
from keras import layers

EMBEDDING_SIZE = 1024


def build_classifier(num_classes):
    inputs = keras.Input(shape=(EMBEDDING_SIZE,), name="embedding")
    x = layers.Dense(256, activation="relu")(inputs)
    x = layers.Dropout(0.2)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


noise = keras.Input((128,), name="noise")
decoded = layers.Dense(64)(noise)
generator = keras.Model(noise, decoded)
classifier = build_classifier(10)
