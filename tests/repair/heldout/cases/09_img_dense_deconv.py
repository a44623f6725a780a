"""Deconvnet-style segmentation: 8x8x8 features -> Flatten -> Dense(16) -> a 'deconv' layer fed the flat vector."""
from keras.models import Sequential
from keras.layers import Activation, Conv2D, Conv2DTranspose, Dense, Flatten, MaxPooling2D, UpSampling2D

model = Sequential()
model.add(Conv2D(8, (3, 3), padding="same", input_shape=(32, 32, 3)))
model.add(Activation("relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(8, (3, 3), padding="same"))
model.add(Activation("relu"))
model.add(MaxPooling2D((2, 2)))

# fully connected layer 1, 8x8x8 -> 1x1x16
model.add(Flatten())
model.add(Dense(16))  # heldout: mistake
model.add(Activation("relu"))

# deconv layer 1, 1x1x16 -> 8x8x8
model.add(Conv2DTranspose(8, (8, 8)))  # heldout: mistake
model.add(Activation("relu"))
model.add(UpSampling2D((4, 4)))
model.add(Conv2D(1, (1, 1), activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam")
