"""MNIST CNN with the images reshaped to (1, 28, 28) on the TensorFlow backend (shangmayuan.com blog post on
Keras image dimension ordering).

x_train = x_train.reshape(x_train.shape[0], 1, 28, 28).astype('float32') and input_shape=(1, 28, 28), while
keras.json says channels_last.
"""
import keras
from keras import layers

num_classes = 10

model = keras.Sequential()
model.add(layers.Conv2D(32, (5, 5), input_shape=(1, 28, 28), activation="relu"))  # heldout: mistake
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.Dropout(0.2))
model.add(layers.Flatten())
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(num_classes, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
