"""Sequential stacks with no input, one applied to the output of another inside a functional model."""
from tensorflow import keras
from tensorflow.keras import layers

encoder = keras.Sequential([
    layers.Conv1D(32, 7, strides=2, padding="same", activation="relu"),
    layers.Conv1D(64, 5, strides=2, padding="same", activation="relu"),
    layers.GlobalAveragePooling1D(),
], name="encoder")

head = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(4, activation="softmax")], name="head")

series = keras.Input(shape=(256, 3))
embedding = encoder(series)
probs = head(embedding)
classifier = keras.Model(series, probs)
