"""Text classification with a 2-D convolution over the embedded sentence (keras-team/keras issue 668).

The embedded sentence (maxlen, embedding_dims) is reshaped to (1, maxlen, embedding_dims), the Theano image
layout with one channel.
"""
import keras
from keras import layers

max_features = 1000
maxlen = 20
embedding_dims = 16
nb_filters = 8
filter_length = 3
hidden_dims = 32
nb_classes = 3

model = keras.Sequential()
model.add(keras.Input(shape=(maxlen,), dtype="int32"))
model.add(layers.Embedding(max_features, embedding_dims))  # embed into dense 3D float tensor (samples, maxlen, dims)
model.add(layers.Reshape((1, maxlen, embedding_dims)))  # heldout: mistake
model.add(layers.Conv2D(nb_filters, (filter_length, filter_length), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
model.add(layers.Dropout(0.25))
model.add(layers.Flatten())
# We add a vanilla hidden layer:
model.add(layers.Dense(hidden_dims))
model.add(layers.Dropout(0.25))
model.add(layers.Activation("relu"))
model.add(layers.Dense(nb_classes))
model.add(layers.Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam")
