"""Convolutional feature extractor followed by an LSTM for sequence labeling (keras-team/keras issue 129).

Three convolution + pooling stages, a Flatten, then the LSTM that should label the sequence.
"""
import keras
from keras import layers

nb_classes = 10

model = keras.Sequential()
model.add(keras.Input(shape=(24, 24, 1)))
model.add(layers.Conv2D(20, (7, 7), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(50, (5, 5), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Conv2D(100, (3, 3), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Flatten())  # heldout: mistake
model.add(layers.LSTM(32, return_sequences=True))  # heldout: mistake
model.add(layers.Dense(nb_classes, kernel_initializer="random_normal"))
model.add(layers.Activation("softmax"))

sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd)
