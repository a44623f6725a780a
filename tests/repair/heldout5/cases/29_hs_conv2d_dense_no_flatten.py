"""Convolution followed directly by Dense layers on a 10-class image task (a Q&A page, coderoad.ru).

Dummy images (side x side x 3) with one-hot labels over 10 classes; the Dense layers are put on the convolution's
output map.
"""
import keras
from keras import layers

input_layer = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(32, (3, 3), activation="relu")(input_layer)
x = layers.Dense(256, activation="relu")(x)  # heldout: mistake
x = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs=[input_layer], outputs=[x])

sgd = keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd)
