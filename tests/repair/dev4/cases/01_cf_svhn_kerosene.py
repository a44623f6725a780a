"""SVHN convnet declared on Theano-ordered (3, 32, 32) images, channels_last layers (kerosene's svhn example).

Source: https://github.com/dribnet/kerosene/issues/6
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Dropout, Flatten, Dense, Activation

nb_classes = 10

model = Sequential()
model.add(Conv2D(16, (3, 3), padding="same", input_shape=(3, 32, 32)))  # heldout: mistake
model.add(Activation("relu"))
model.add(Conv2D(16, (3, 3), padding="same"))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))
model.add(Dropout(0.25))
model.add(Conv2D(32, (3, 3), padding="same"))
model.add(Activation("relu"))
model.add(Conv2D(32, (3, 3), padding="same"))
model.add(Activation("relu"))
model.add(MaxPooling2D(pool_size=(2, 2)))  # heldout: mistake
model.add(Dropout(0.25))
model.add(Flatten())
model.add(Dense(64))
model.add(Activation("relu"))
model.add(Dropout(0.5))
model.add(Dense(nb_classes))
model.add(Activation("softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adadelta")
