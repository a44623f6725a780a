"""Field embeddings of widths that follow each vocabulary (round(pow(v, 0.5))), joined on their last axis."""
import keras
from keras import layers

inputs, embedded = [], []
for vocabulary in (16, 81, 400):
    ids = keras.Input(shape=(3,), dtype="int32")
    embedded.append(layers.Embedding(vocabulary, round(pow(vocabulary, 0.5)))(ids))
    inputs.append(ids)
joined = layers.Concatenate()(embedded)
model = keras.Model(inputs, layers.Dense(2)(layers.GlobalAveragePooling1D()(joined)))
