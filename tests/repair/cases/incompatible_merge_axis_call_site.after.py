"""incompatible-merge: a concatenation helper called with axis=1 on field embeddings of different widths
(batch, 1, 6) and (batch, 1, 4): the axis written at that call becomes -1; the helper's other call, which passes
no axis, is left as it is."""
import keras
from keras import layers


def join(tensors, axis=-1):
    return layers.Concatenate(axis=axis)(tensors)


store = keras.Input((1,), dtype="int32")
day = keras.Input((1,), dtype="int32")
fields = [layers.Embedding(30, 6)(store), layers.Embedding(7, 4)(day)]
stacked = join(fields, axis=-1)
wide = join([layers.Flatten()(stacked), layers.Flatten()(fields[0])])
model = keras.Model([store, day], layers.Dense(1)(wide))
