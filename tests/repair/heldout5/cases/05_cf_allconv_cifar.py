"""All-convolutional net on CIFAR-10, built at module level (getcrest/All-Conv-Keras pull request 5).

cifar10.load_data() gives (n, 32, 32, 3) arrays on the TensorFlow backend.
"""
import keras
from keras import layers

nb_classes = 10

model = keras.Sequential()

model.add(layers.Conv2D(16, (3, 3), padding="same", input_shape=(3, 32, 32)))  # heldout: mistake
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(16, (3, 3), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(16, (3, 3), padding="same", strides=(2, 2)))
model.add(layers.Dropout(0.5))

model.add(layers.Conv2D(32, (3, 3), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(32, (3, 3), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(32, (3, 3), padding="same", strides=(2, 2)))
model.add(layers.Dropout(0.5))

model.add(layers.Conv2D(32, (3, 3), padding="same"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(32, (1, 1), padding="valid"))
model.add(layers.Activation("relu"))
model.add(layers.Conv2D(nb_classes, (1, 1), padding="valid"))

model.add(layers.GlobalAveragePooling2D())
model.add(layers.Activation("softmax"))

sgd = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True)
model.compile(loss="categorical_crossentropy", optimizer=sgd, metrics=["accuracy"])
