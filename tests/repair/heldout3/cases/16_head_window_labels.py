"""Windowed LSTM classifier: one label per step is wanted (targets of 3 dimensions) but the second LSTM pools."""
import tensorflow as tf
from tensorflow.keras import layers

inputs = tf.keras.Input(shape=(10, 100))
LSTM_1 = layers.LSTM(100, stateful=False, return_sequences=True)(inputs)
FC_1 = layers.Dense(100)(LSTM_1)
LSTM_2 = layers.LSTM(100, stateful=False, return_sequences=False)(FC_1)  # heldout: mistake
label = layers.Dense(5, activation="softmax")(LSTM_2)
model = tf.keras.Model(inputs, label)
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
