"""rank: character ids declared Input((None, 1)) -- one id per step, with an axis of 1 -- into an Embedding: the
Conv1D after it gets a 4-D tensor. The Input declares the ids as (None,) (the written None kept)."""
import keras
from keras import layers

chars = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(60, 16)(chars)
x = layers.Conv1D(32, 3, activation="relu")(x)
outputs = layers.Dense(4, activation="softmax")(layers.GlobalMaxPooling1D()(x))
model = keras.Model(chars, outputs)
