"""Text as an image: Embedding output reshaped to (1, maxlen, dims) for a VGG-like Conv2D stack.

Source: https://github.com/keras-team/keras/issues/233
"""
import keras
from keras.models import Sequential
from keras.layers import Embedding, Reshape, Conv2D, Activation, MaxPooling2D, Dropout, Flatten, Dense

max_features = 1000
maxlen = 10
embedding_dims = 16

model = Sequential()
model.add(keras.Input(shape=(maxlen,)))
model.add(Embedding(max_features, embedding_dims))
model.add(Reshape((1, maxlen, embedding_dims)))  # heldout: mistake
model.add(Conv2D(32, (3, 3)))  # heldout: mistake
model.add(Activation("relu"))
model.add(Conv2D(32, (3, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
