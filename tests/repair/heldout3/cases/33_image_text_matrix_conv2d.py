"""Answer-selection CNN over 100x100 word2vec matrices given to Conv2D as (tokens, vector) with no channel axis."""
import keras
from keras import layers

n_tokens = 100
vec_size = 100

model = keras.Sequential()
model.add(layers.Conv2D(10, (3, 3), padding="same", input_shape=(n_tokens, vec_size)))  # heldout: mistake
model.add(layers.Activation("tanh"))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Flatten())
model.add(layers.Dense(2))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
