"""DeconvNet-style segmentation network: the fully connected fc6/fc7 output goes straight into UpSampling2D.

Source: https://github.com/keras-team/keras/issues/9735
Input size, widths and class count are not in the report and were chosen.
"""
from keras.models import Sequential
from keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, UpSampling2D, Conv2DTranspose, Input

n_classes = 4

model = Sequential()
model.add(Input(shape=(64, 64, 3)))
model.add(Conv2D(16, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(32, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Conv2D(64, (3, 3), padding="same", activation="relu"))
model.add(MaxPooling2D((2, 2)))
model.add(Flatten())
model.add(Dense(512, activation="relu", name="fc6"))
model.add(Dense(512, activation="relu", name="fc7"))  # heldout: mistake
model.add(UpSampling2D(size=(2, 2)))  # heldout: mistake
model.add(Conv2DTranspose(64, (3, 3), padding="same", activation="relu"))
model.add(UpSampling2D(size=(2, 2)))
model.add(Conv2DTranspose(32, (3, 3), padding="same", activation="relu"))
model.add(UpSampling2D(size=(2, 2)))
model.add(Conv2DTranspose(n_classes, (3, 3), padding="same", activation="softmax"))

model.compile(loss="categorical_crossentropy", optimizer="adam")
