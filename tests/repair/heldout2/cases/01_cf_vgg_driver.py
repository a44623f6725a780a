"""Distracted-driver VGG16 written for Theano ordering: input_shape=(3, w, h) with channels_last layers.

Source: https://github.com/Yifeng-He/Distracted-Driver-Detection-with-Deep-Learning/issues/1
"""
from keras.models import Sequential
from keras.layers import ZeroPadding2D, Conv2D, MaxPooling2D, Flatten, Dense, Dropout

img_width, img_height = 64, 64
nb_classes = 10

model = Sequential()
model.add(ZeroPadding2D((1, 1), input_shape=(3, img_width, img_height)))  # heldout: mistake
model.add(Conv2D(64, (3, 3), activation="relu", name="conv1_1"))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(64, (3, 3), activation="relu", name="conv1_2"))
model.add(MaxPooling2D((2, 2), strides=(2, 2)))

model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(128, (3, 3), activation="relu", name="conv2_1"))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(128, (3, 3), activation="relu", name="conv2_2"))
model.add(MaxPooling2D((2, 2), strides=(2, 2)))  # heldout: mistake

model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(256, (3, 3), activation="relu", name="conv3_1"))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(256, (3, 3), activation="relu", name="conv3_2"))
model.add(MaxPooling2D((2, 2), strides=(2, 2)))

model.add(Flatten())
model.add(Dense(256, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(nb_classes, activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
