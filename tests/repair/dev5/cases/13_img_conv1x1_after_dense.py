"""VGG-Face-style classifier: convolution blocks, Flatten and fully connected layers, then the final identity layer
written as a 1 x 1 Conv2D (as in the VGG-Face definition) after the Dense layers.

Source: https://github.com/keras-team/keras/issues/12043
"""
from keras.models import Sequential
from keras.layers import Input, ZeroPadding2D, Conv2D, MaxPooling2D, Flatten, Dense, Dropout, Activation

n_identities = 20

model = Sequential()
model.add(Input(shape=(32, 32, 3)))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(16, (3, 3), activation="relu"))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(16, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2), strides=(2, 2)))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(ZeroPadding2D((1, 1)))
model.add(Conv2D(32, (3, 3), activation="relu"))
model.add(MaxPooling2D((2, 2), strides=(2, 2)))
model.add(Flatten())
model.add(Dense(128, activation="relu"))
model.add(Dropout(0.5))
model.add(Dense(128, activation="relu"))
model.add(Dropout(0.5))
model.add(Conv2D(n_identities, (1, 1), padding="same"))  # heldout: mistake
model.add(Flatten())
model.add(Activation("softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
