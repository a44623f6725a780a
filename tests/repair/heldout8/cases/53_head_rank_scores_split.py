"""Learn-to-rank toy: three locations split with a Lambda along the location axis keep a length-1 axis, so the
softmax over the concatenated scores is (None, 1, 3) against one-hot (None, 3) targets
(node-js.developreference.com, "keras input not matching output confusion")."""
import keras
from keras import layers

# 3 locations with 2 descriptions (size, number of bathrooms)
rinputs = keras.Input(shape=(3, 2), name="inputlayer")
split = layers.Lambda(lambda x: keras.ops.split(x, 3, axis=1))(rinputs)  # heldout: mistake
input_one_tensor = split[0]
input_two_tensor = split[1]
input_three_tensor = split[2]

layer2 = layers.Dense(1, name="Layer2", use_bias=True, activation="sigmoid")
layer2a = layer2(input_one_tensor)
layer2b = layer2(input_two_tensor)
layer2c = layer2(input_three_tensor)
concat_layer = layers.Concatenate(name="ConcatLayer2")([layer2a, layer2b, layer2c])

softmax_layer = layers.Dense(3, activation="softmax", name="softmax", use_bias=False)(concat_layer)
model = keras.Model(inputs=rinputs, outputs=softmax_layer)
model.compile(loss=keras.losses.categorical_crossentropy, optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
