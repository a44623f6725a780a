"""Siamese network comparing two ECG segments with one shared encoder."""
import keras
from keras import layers, ops

SEG_LEN = 250

left = keras.Input(shape=(SEG_LEN, 1))
right = keras.Input(shape=(SEG_LEN, 1))

conv_a = layers.Conv1D(32, 5, activation="relu")
pool_a = layers.MaxPooling1D(2)
conv_b = layers.Conv1D(64, 5, activation="relu")
gap = layers.GlobalAveragePooling1D()

emb_left = gap(conv_b(pool_a(conv_a(left))))
emb_right = gap(conv_b(pool_a(conv_a(right))))

diff = layers.Subtract()([emb_left, emb_right])
out = layers.Dense(1, activation="sigmoid")(diff)
siamese = keras.Model([left, right], out)
siamese.compile(loss="binary_crossentropy", optimizer="adam")
