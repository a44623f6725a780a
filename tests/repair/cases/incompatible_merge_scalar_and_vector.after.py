"""incompatible-merge: a per-sample score of shape (None,) joined with (None, 2) features: the score gets its trailing axis."""
import keras
from keras import layers

score = keras.Input((), name="score")
pair = keras.Input((2,), name="pair")
joined = layers.Concatenate()([layers.Reshape((1,))(score), pair])
model = keras.Model([score, pair], layers.Dense(1)(joined))
