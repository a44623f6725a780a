"""Hand classifier ending in Conv2D(2, 1) + softmax + Flatten: 6x6x2 = 72 outputs for 2 classes.

Source: https://github.com/keras-team/keras/issues/11511
"""
from keras import models
from keras.layers import Conv2D, MaxPooling2D, Activation, Flatten
from keras.optimizers import SGD

model = models.Sequential()
model.add(Conv2D(24, kernel_size=8, strides=2, input_shape=(256, 256, 3)))
model.add(MaxPooling2D(pool_size=(3, 3), strides=2))
model.add(Conv2D(48, kernel_size=6, strides=2))
model.add(MaxPooling2D(pool_size=(3, 3), strides=2))
model.add(Conv2D(96, kernel_size=4, strides=2))
model.add(Activation("relu"))
model.add(Conv2D(2, kernel_size=1, strides=1))  # heldout: mistake
model.add(Activation("softmax"))
model.add(Flatten())  # heldout: mistake
model.compile(loss="categorical_crossentropy", optimizer=SGD(learning_rate=0.001))
