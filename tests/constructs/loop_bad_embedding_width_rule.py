"""Broken: every categorical field gets an embedding whose width follows its vocabulary (6 * v ** 0.25, written
with pow()), and the field embeddings are stacked along axis 1, which needs equal widths."""
import keras
from keras import layers

vocabularies = {"store": 50, "product": 400, "weekday": 7}
inputs, embedded = [], []
for name, size in vocabularies.items():
    ids = keras.Input(shape=(1,), name=name, dtype="int32")
    width = int(6 * pow(size, 0.25))
    embedded.append(layers.Embedding(size, width)(ids))
    inputs.append(ids)
stacked = layers.Concatenate(axis=1)(embedded)  # keras-error
score = layers.Dense(1)(layers.Flatten()(stacked))
model = keras.Model(inputs, score)
