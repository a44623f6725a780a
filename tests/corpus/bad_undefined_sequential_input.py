"""Streaming sensor model declared with a None length, classified with Flatten."""
import tensorflow as tf
from tensorflow.keras import layers

model = tf.keras.Sequential([
    tf.keras.Input(shape=(None, 6)),
    layers.Conv1D(32, 3, padding="same", activation="relu"),
    layers.Conv1D(32, 3, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),  # SD104
])
