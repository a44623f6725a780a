"""Soft attention over time: a (steps, 1) gate multiplied into (steps, 64) features broadcasts."""
import keras
from keras import layers

inp = keras.Input(shape=(50, 8))
h = layers.LSTM(64, return_sequences=True)(inp)
gate = layers.Dense(1, activation="sigmoid")(h)
weighted = layers.Multiply()([h, gate])
pooled = layers.GlobalAveragePooling1D()(weighted)
out = layers.Dense(3, activation="softmax")(pooled)
model = keras.Model(inputs=inp, outputs=out)
