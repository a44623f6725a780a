"""Mixed inputs: an embedded categorical id (through a Dense) concatenated with a raw numeric feature; the
embedding keeps its length-1 sequence axis.

Source: https://github.com/keras-team/keras/issues/10067
"""
from keras.models import Model
from keras.layers import Input, Embedding, Dense, concatenate

cat_in = Input(shape=(1,), name="category")
num_in = Input(shape=(1,), name="amount")
e_x = Embedding(100, 10)(cat_in)
d1 = Dense(10)(e_x)
all_concats = concatenate([d1, num_in], axis=-1)  # heldout: mistake
out = Dense(1, activation="sigmoid")(all_concats)
model = Model([cat_in, num_in], out)
model.compile(optimizer="adam", loss="binary_crossentropy")
